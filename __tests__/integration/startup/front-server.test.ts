import http from "node:http";
import { startFrontServer, type FrontServer } from "@/scripts/support/front-server";

// The production server's own part (scripts/support/front-server.ts), over
// real sockets: the client address decided before the app sees the request,
// and a drain on shutdown that lets requests in flight finish.

function get(port: number, path: string, options: { headers?: Record<string, string>; agent?: http.Agent } = {}): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const request = http.get({ host: "127.0.0.1", port, path, headers: options.headers, agent: options.agent ?? false }, (response) => {
      let body = "";
      response.on("data", (chunk: Buffer) => (body += chunk.toString()));
      response.on("end", () => resolve({ status: response.statusCode ?? 0, body }));
      response.on("error", reject);
    });
    request.on("error", reject);
  });
}

type Harness = { server: FrontServer; arrived: Promise<void>; release: () => void };

async function startWithSlowRoute(trustedProxyHops = 0): Promise<Harness> {
  let release = () => {};
  const released = new Promise<void>((resolve) => (release = resolve));
  let arrive = () => {};
  const arrived = new Promise<void>((resolve) => (arrive = resolve));
  const server = await startFrontServer({
    hostname: "127.0.0.1",
    port: 0,
    trustedProxyHops,
    handle: (request, response) => {
      if (request.url === "/slow") {
        arrive();
        void released.then(() => response.end("finished"));
        return;
      }
      if (request.url === "/never") {
        arrive();
        return;
      }
      const { "x-forwarded-for": forwardedFor, "x-forwarded-host": forwardedHost, "x-real-ip": realIp, forwarded } = request.headers;
      response.setHeader("content-type", "application/json");
      response.end(JSON.stringify({ forwardedFor, forwardedHost: forwardedHost ?? null, realIp: realIp ?? null, forwarded: forwarded ?? null }));
    },
  });
  return { server, arrived, release };
}

it("with no trusted proxy, hands the app the TCP peer and none of the client's forwarding headers", async () => {
  const { server } = await startWithSlowRoute(0);
  try {
    const { body } = await get(server.port, "/headers", {
      headers: { "X-Forwarded-For": "6.6.6.6", "X-Forwarded-Host": "evil.example", "X-Real-IP": "7.7.7.7", Forwarded: "for=8.8.8.8" },
    });
    expect(JSON.parse(body)).toEqual({ forwardedFor: "127.0.0.1", forwardedHost: null, realIp: null, forwarded: null });
  } finally {
    await server.drain({ drainMs: 1000 });
  }
});

it("behind one trusted proxy, hands the app the last X-Forwarded-For entry", async () => {
  const { server } = await startWithSlowRoute(1);
  try {
    const { body } = await get(server.port, "/headers", { headers: { "X-Forwarded-For": "6.6.6.6, 198.51.100.7" } });
    expect(JSON.parse(body)).toMatchObject({ forwardedFor: "198.51.100.7" });
  } finally {
    await server.drain({ drainMs: 1000 });
  }
});

it("on drain, refuses new connections but lets a request in flight finish", async () => {
  const { server, arrived, release } = await startWithSlowRoute();
  const inFlight = get(server.port, "/slow");
  await arrived;
  const drained = server.drain({ drainMs: 20_000 });
  await expect(get(server.port, "/headers")).rejects.toMatchObject({ code: "ECONNREFUSED" });
  release();
  await expect(inFlight).resolves.toEqual({ status: 200, body: "finished" });
  await expect(drained).resolves.toEqual({ forced: 0 });
});

it("is not held open by an idle keep-alive connection", async () => {
  const { server } = await startWithSlowRoute();
  const agent = new http.Agent({ keepAlive: true });
  try {
    await get(server.port, "/headers", { agent });
    // The socket stays open in the agent's pool; draining must close it, not wait 65 s for it.
    await expect(server.drain({ drainMs: 60_000 })).resolves.toEqual({ forced: 0 });
  } finally {
    agent.destroy();
  }
}, 30_000);

it("cuts off what is still running when the drain time is up, and says how many", async () => {
  const { server, arrived } = await startWithSlowRoute();
  const stuck = get(server.port, "/never");
  await arrived;
  await expect(server.drain({ drainMs: 200 })).resolves.toEqual({ forced: 1 });
  await expect(stuck).rejects.toThrow();
});
