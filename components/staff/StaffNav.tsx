import Link from "next/link";
import type { StaffUser } from "@/lib/auth/staff-session";

// `signOut` is the layout's server action (components never import from app/).
export function StaffNav({ user, signOut }: { user: StaffUser; signOut: (form: FormData) => Promise<void> }) {
  return (
    <nav className="staff-nav" aria-label="Staff">
      <Link href="/staff">Home</Link>
      <Link href="/staff/inquiries">Inbox</Link>
      <Link href="/staff/inquiries/new">New inquiry</Link>
      <Link href="/staff/reports">Reports</Link>
      {user.role === "admin" ? (
        <>
          <Link href="/staff/admin/users">Users</Link>
          <Link href="/staff/admin/audit">Audit log</Link>
          <Link href="/staff/admin/settings">Settings</Link>
          <Link href="/staff/admin/export">Export</Link>
          <Link href="/staff/admin/retention">Retention</Link>
          <Link href="/staff/admin/notifications">Failed notifications</Link>
          <Link href="/staff/admin/webhooks">Webhooks</Link>
          <Link href="/staff/admin/embed">Embed</Link>
        </>
      ) : null}
      <Link href="/staff/account">My account</Link>
      <span className="staff-nav__who">
        {user.name} ({user.role === "admin" ? "administrator" : "coordinator"})
      </span>
      <form action={signOut}>
        <button className="button-secondary" type="submit">
          Sign out
        </button>
      </form>
    </nav>
  );
}
