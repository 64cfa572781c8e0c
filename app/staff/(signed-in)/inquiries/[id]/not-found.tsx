import Link from "next/link";

export default function InquiryNotFound() {
  return (
    <>
      <h1>Inquiry not found</h1>
      <p>There is no inquiry at this address. It may have been deleted under the retention policy.</p>
      <p>
        <Link href="/staff/inquiries">Back to the inbox</Link>
      </p>
    </>
  );
}
