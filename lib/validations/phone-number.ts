// Normalises a phone number to E.164 without a 100 kB metadata library in the
// browser bundle. Numbers written with "+" are taken as international (8 to 15
// digits, ITU-T E.164); anything else is read as a North American (NANP) number,
// the clinic's own numbering plan, and must have a valid area code and exchange.
export function normalisePhoneNumber(input: string): string | null {
  const trimmed = input.trim();
  if (!/^\+?[\d\s().\-]+$/.test(trimmed)) return null;
  const digits = trimmed.replace(/\D/g, "");
  if (trimmed.startsWith("+")) {
    if (digits.startsWith("1")) return normaliseNanp(digits.slice(1));
    return /^[2-9]\d{7,14}$/.test(digits) ? `+${digits}` : null;
  }
  if (digits.length === 11 && digits.startsWith("1")) return normaliseNanp(digits.slice(1));
  return normaliseNanp(digits);
}

function normaliseNanp(national: string): string | null {
  return /^[2-9]\d{2}[2-9]\d{6}$/.test(national) ? `+1${national}` : null;
}
