import { randomInt } from "node:crypto";

// 25 symbols without look-alikes (0/O, 1/I/L, U/V, 5/S, 2/Z) so a code can be
// read over the phone; 8 random symbols give 25^8 ≈ 1.5·10^11 codes, drawn with
// a CSPRNG so no code says anything about another or about the volume of inquiries.
const ALPHABET = "ABCDEFGHJKMNPQRTWXY346789";

export const REFERENCE_CODE_PATTERN = /^[ABCDEFGHJKMNPQRTWXY346789]{4}-[ABCDEFGHJKMNPQRTWXY346789]{4}$/;

export function generateReferenceCode(): string {
  let code = "";
  for (let i = 0; i < 8; i += 1) {
    if (i === 4) code += "-";
    code += ALPHABET[randomInt(ALPHABET.length)];
  }
  return code;
}
