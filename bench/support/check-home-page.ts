export type HomePageCheck = { hostname: string; status: number; location: string | null; redirectsToItself: boolean };

/**
 * GET / without following redirects. Found by this benchmark: under
 * `next start --hostname 127.0.0.1` the English pages answer 308 to their own
 * URL (an endless redirect), while `localhost`, `0.0.0.0` or no hostname work.
 * Kept as a check so the day it is fixed shows up in the results.
 */
export async function checkHomePage(options: { baseUrl: string }): Promise<HomePageCheck> {
  const url = new URL("/", options.baseUrl);
  const response = await fetch(url, { redirect: "manual" });
  await response.arrayBuffer();
  const location = response.headers.get("location");
  return {
    hostname: url.hostname,
    status: response.status,
    location,
    redirectsToItself: location !== null && new URL(location, url).pathname === url.pathname,
  };
}
