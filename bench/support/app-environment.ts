import { appProcessEnvironment, randomAppSecrets, type AppSecrets } from "@/__tests__/kit/app-environment";

export type BenchSecrets = AppSecrets;

/** Fresh keys for one run: nothing the benchmark stores can be read after it. */
export function makeBenchSecrets(): BenchSecrets {
  return randomAppSecrets("b1");
}

/** The environment an app process of the benchmark runs with (the kit's, with the benchmark's settings). */
export function appEnvironment(options: {
  databaseUrl: string;
  smtpPort: number;
  publicUrl: string;
  secrets: BenchSecrets;
  settings: Readonly<Record<string, string>>;
}): NodeJS.ProcessEnv {
  return appProcessEnvironment({ ...options, notifyTo: "intake-team@bench.example" });
}
