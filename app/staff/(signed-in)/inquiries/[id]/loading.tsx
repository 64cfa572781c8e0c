// Also the boundary where link prefetching stops: the page below it reads
// (and audits) the record only when someone actually opens it.
export default function Loading() {
  return <p role="status">Opening the inquiry…</p>;
}
