import { issueFormToken } from "@/lib/security/form-token";
import { sendRaw, type RawAnswer } from "./send-request";

export type InquiryApiClient = {
  /** A genuine form token, minted with the app's secret (as POST /api/v1/form-tokens would). */
  mint(): string;
  /** The JSON body of a submission of `inquiry` with a fresh genuine token. */
  envelope(inquiry: unknown): string;
  post(body: string | Uint8Array, contentType: string | undefined, headers?: Record<string, string>): Promise<RawAnswer>;
  /** Answers so far, by status code. */
  readonly statuses: Record<string, number>;
  /** Every reference code any 201 handed out. */
  readonly acceptedCodes: ReadonlySet<string>;
};

export function referenceCodeOf(answer: RawAnswer): string | undefined {
  if (answer.status !== 201) return undefined;
  return String((JSON.parse(answer.body) as { referenceCode?: unknown }).referenceCode);
}

/** POST /api/v1/inquiries, counting every answer and remembering every code handed out. */
export function inquiryApiClient(options: { appUrl: string; appSecret: string }): InquiryApiClient {
  const secret = Buffer.from(options.appSecret, "base64");
  const statuses: Record<string, number> = {};
  const acceptedCodes = new Set<string>();
  const mint = () => issueFormToken({ secret });
  return {
    mint,
    envelope: (inquiry) => JSON.stringify({ formToken: mint(), inquiry }),
    async post(body, contentType, headers = {}) {
      const answer = await sendRaw({ url: `${options.appUrl}/api/v1/inquiries`, body, contentType, headers });
      statuses[answer.status] = (statuses[answer.status] ?? 0) + 1;
      const code = referenceCodeOf(answer);
      if (code) acceptedCodes.add(code);
      return answer;
    },
    statuses,
    acceptedCodes,
  };
}
