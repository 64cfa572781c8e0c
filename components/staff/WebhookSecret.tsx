// A signing secret, shown once right after it was generated.
export function WebhookSecret({ secret }: { secret: string }) {
  return (
    <div className="alert">
      <p>
        <strong>Signing secret (shown only now):</strong>
      </p>
      <p>
        <code className="webhook-secret">{secret}</code>
      </p>
      <p className="note">Give it to whoever runs the receiver; they verify each message with it (see the integration guide).</p>
    </div>
  );
}
