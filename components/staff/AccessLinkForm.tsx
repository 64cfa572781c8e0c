"use client";

import { FormErrorAlert } from "@/components/ui/FormErrorAlert";
import { useFragmentToken } from "@/components/staff/use-fragment-token";

// The frame of the forms opened from an emailed one-time link (set-up,
// password reset): waits for the token in the fragment, says so when the link
// has none, and posts it with the fields the caller puts inside.
export function AccessLinkForm({
  action,
  formError,
  children,
}: {
  action: (formData: FormData) => void;
  formError: string | undefined;
  children: React.ReactNode;
}) {
  const token = useFragmentToken();
  if (token === null) return <p>Loading your link…</p>;
  if (!token) return <p className="alert alert--error">This link has nothing in it. Open the link from your email again.</p>;
  return (
    <form action={action} noValidate>
      <FormErrorAlert message={formError} />
      <input type="hidden" name="token" value={token} />
      {children}
    </form>
  );
}
