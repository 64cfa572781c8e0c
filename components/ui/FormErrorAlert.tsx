// The form-wide error a server action returned, announced as an alert.
export function FormErrorAlert({ message }: { message: string | undefined }) {
  if (!message) return null;
  return (
    <p className="alert alert--error" role="alert">
      {message}
    </p>
  );
}
