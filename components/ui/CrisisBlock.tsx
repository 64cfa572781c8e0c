// Shown before the form and again on the confirmation. The form is not watched
// around the clock, so people in danger must be sent elsewhere first.
export function CrisisBlock({ emphasised = false }: { emphasised?: boolean }) {
  return (
    <aside className={emphasised ? "crisis crisis--urgent" : "crisis"} aria-labelledby="crisis-title">
      <h2 id="crisis-title">{emphasised ? "If someone is in danger, get help now" : "Need help right now?"}</h2>
      <p>This form is not monitored around the clock.</p>
      <ul>
        <li>
          In immediate danger or a medical emergency (such as an overdose): call <a href="tel:911">911</a>.
        </li>
        <li>
          Call or text <a href="tel:988">988</a> (Suicide &amp; Crisis Lifeline), any time.
        </li>
        <li>
          SAMHSA National Helpline: <a href="tel:18006624357">1-800-662-4357</a> (free, confidential, 24/7, English and Spanish).
        </li>
      </ul>
    </aside>
  );
}
