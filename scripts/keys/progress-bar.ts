import type { RotationProgress } from "../../lib/keys/rotate-sealed-column";

// One redrawn line per column on a terminal; nothing when output is piped
// to a file or a log (the final counts are printed either way).
export function progressBar(stream: NodeJS.WriteStream): { update: (progress: RotationProgress) => void; end: () => void } {
  if (!stream.isTTY) return { update: () => undefined, end: () => undefined };
  let current = "";
  const width = 30;
  return {
    update({ table, column, done, total }) {
      const label = `${table}.${column}`;
      if (current && current !== label) stream.write("\n");
      current = label;
      const filled = total === 0 ? width : Math.round((done / total) * width);
      stream.write(`\r${label.padEnd(34)} [${"#".repeat(filled)}${"-".repeat(width - filled)}] ${done}/${total}`);
    },
    end() {
      if (current) stream.write("\n");
    },
  };
}
