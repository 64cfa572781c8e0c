// The wording the specs look for, in both languages. Written out here rather
// than read from lib/i18n/messages/*.json, so that a missing or untranslated
// message fails a spec instead of passing along with it.

/** A pattern matching `text` as it is (its dots and question marks included). */
export function literally(text: string): RegExp {
  return new RegExp(text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"));
}

export type Locale = "en" | "es";
export const LOCALES: readonly Locale[] = ["en", "es"];

export type RequesterType = "SELF" | "LOVED_ONE" | "PROFESSIONAL";
export type StepId = "who" | "person" | "contact" | "more" | "insurance" | "review";
export const STEP_IDS: readonly StepId[] = ["who", "person", "contact", "more", "insurance", "review"];

export type FormText = {
  landingPath: string;
  formPath: string;
  privacyPath: string;
  title: string;
  landingHeading: string;
  privacyHeading: string;
  formHeading: string;
  progress: (step: number) => string;
  steps: Record<StepId, string>;
  continue: string;
  back: string;
  send: string;
  change: string;
  requesterGroup: string;
  requester: Record<RequesterType, string>;
  inCrisis: RegExp;
  firstName: RegExp;
  referralGroupNoScript: string;
  referrerName: string;
  referrerRelationship: string;
  personAwareGroup: string;
  personAwareNo: string;
  referralNote: RegExp;
  phone: string;
  email: string;
  contactMethodGroup: string;
  phoneCall: string;
  morning: string;
  evening: string;
  languageGroup: string;
  heardAbout: string;
  friendOrFamily: string;
  message: RegExp;
  consent: RegExp;
  privacyLink: string;
  switchLanguage: RegExp;
  quickExit: RegExp;
  crisisTitle: string;
  urgentTitle: string;
  confirmationHeading: string;
  referenceCode: RegExp;
  summaryHeading: RegExp;
  summaryTitle: (count: number) => string;
  errors: {
    requesterType: string;
    firstName: string;
    referrerName: string;
    referrerRelationship: string;
    personAware: string;
    phoneOrEmail: string;
    contactMethod: string;
    consent: string;
  };
};

export const TEXT: Record<Locale, FormText> = {
  en: {
    landingPath: "/",
    formPath: "/request",
    privacyPath: "/privacy",
    title: "Contact request",
    landingHeading: "Request a confidential call back",
    privacyHeading: "Privacy notice",
    formHeading: "Your request",
    progress: (step) => `Step ${step} of 6`,
    steps: { who: "Who is this for?", person: "About the person", contact: "How we can reach you", more: "A few more things", insurance: "Insurance (optional)", review: "Check and send" },
    continue: "Continue",
    back: "Back",
    send: "Send my request",
    change: "Change",
    requesterGroup: "Who is this request for?",
    requester: { SELF: "Myself", LOVED_ONE: "Someone I care about", PROFESSIONAL: "A client or patient (I am a professional)" },
    inCrisis: /^Someone is in danger right now/,
    firstName: /first name or (a )?nickname/i,
    referralGroupNoScript: "About you (only if you are asking for someone else)",
    referrerName: "Your name",
    referrerRelationship: "How do you know them?",
    personAwareGroup: "Do they know you are reaching out to us?",
    personAwareNo: "No",
    referralNote: /We will not tell you whether they contacted us/,
    phone: "Phone number",
    email: "Email address",
    contactMethodGroup: "How should we contact you?",
    phoneCall: "Phone call",
    morning: "Morning (8 am to noon)",
    evening: "Evening (5 pm to 8 pm)",
    languageGroup: "Which language should we use?",
    heardAbout: "How did you hear about us? (optional)",
    friendOrFamily: "Friend or family",
    message: /^Anything you would like us to know/,
    consent: /^I agree that the intake team may store these answers/,
    privacyLink: "privacy notice",
    switchLanguage: /español/i,
    quickExit: /^Leave this site/,
    crisisTitle: "Need help right now?",
    urgentTitle: "If someone is in danger, get help now",
    confirmationHeading: "We received your request",
    referenceCode: /reference code is\s+([A-Z0-9]{4}-[A-Z0-9]{4})/,
    summaryHeading: /^Please check/,
    summaryTitle: (count) => (count === 1 ? "Please check this answer" : `Please check these ${count} answers`),
    errors: {
      requesterType: "Tell us who this request is for.",
      firstName: "Enter a first name or a nickname.",
      referrerName: "Enter your name.",
      referrerRelationship: "Tell us how you know them, for example: sister, friend, counselor.",
      personAware: "Tell us whether they know you are reaching out.",
      phoneOrEmail: "Give us a phone number or an email address so we can reach you.",
      contactMethod: "Choose how you would like us to contact you.",
      consent: "Please tick the box to let us contact you.",
    },
  },
  es: {
    landingPath: "/es",
    formPath: "/es/request",
    privacyPath: "/es/privacy",
    title: "Solicitud de contacto",
    landingHeading: "Pida una llamada confidencial",
    privacyHeading: "Aviso de privacidad",
    formHeading: "Su solicitud",
    progress: (step) => `Paso ${step} de 6`,
    steps: {
      who: "¿Para quién es?",
      person: "Sobre la persona",
      contact: "Cómo podemos comunicarnos con usted",
      more: "Unas preguntas más",
      insurance: "Seguro médico (opcional)",
      review: "Revisar y enviar",
    },
    continue: "Continuar",
    back: "Atrás",
    send: "Enviar mi solicitud",
    change: "Cambiar",
    requesterGroup: "¿Para quién es esta solicitud?",
    requester: { SELF: "Para mí", LOVED_ONE: "Para alguien que me importa", PROFESSIONAL: "Para un cliente o paciente (soy profesional)" },
    inCrisis: /^Alguien está en peligro ahora mismo/,
    firstName: /nombre o (un )?apodo/i,
    referralGroupNoScript: "Sobre usted (solo si pide ayuda para otra persona)",
    referrerName: "Su nombre",
    referrerRelationship: "¿Cómo conoce a esta persona?",
    personAwareGroup: "¿Esa persona sabe que usted se está comunicando con nosotros?",
    personAwareNo: "No",
    referralNote: /No le diremos si nos contactó/,
    phone: "Número de teléfono",
    email: "Correo electrónico",
    contactMethodGroup: "¿Cómo prefiere que nos comuniquemos con usted?",
    phoneCall: "Llamada telefónica",
    morning: "Mañana (de 8 a. m. a 12 del mediodía)",
    evening: "Noche (de 5 p. m. a 8 p. m.)",
    languageGroup: "¿Qué idioma prefiere que usemos?",
    heardAbout: "¿Cómo supo de nosotros? (opcional)",
    friendOrFamily: "Un amigo o familiar",
    message: /^¿Hay algo más que quiera contarnos/,
    consent: /^Acepto que el equipo de admisión guarde estas respuestas/,
    privacyLink: "aviso de privacidad",
    switchLanguage: /english/i,
    quickExit: /^Salir de este sitio/,
    crisisTitle: "¿Necesita ayuda ahora mismo?",
    urgentTitle: "Si alguien está en peligro, pida ayuda ahora",
    confirmationHeading: "Recibimos su solicitud",
    referenceCode: /código de referencia es\s+([A-Z0-9]{4}-[A-Z0-9]{4})/,
    summaryHeading: /^Por favor, revise/,
    summaryTitle: (count) => (count === 1 ? "Por favor, revise esta respuesta" : `Por favor, revise estas ${count} respuestas`),
    errors: {
      requesterType: "Díganos para quién es esta solicitud.",
      firstName: "Escriba un nombre o un apodo.",
      referrerName: "Escriba su nombre.",
      referrerRelationship: "Díganos cómo conoce a esta persona. Por ejemplo: hermana, amigo, consejero.",
      personAware: "Díganos si esa persona sabe que usted se está comunicando con nosotros.",
      phoneOrEmail: "Denos un número de teléfono o un correo electrónico para poder comunicarnos con usted.",
      contactMethod: "Elija cómo prefiere que nos comuniquemos con usted.",
      consent: "Por favor, marque la casilla para que podamos comunicarnos con usted.",
    },
  },
};
