// Addresses of shared documents. A collaboration server is given as the team knows it
// (https://samarbeid.kommune.no, wss://…, or host:port); the provider speaks WebSocket (wss:
// for https:, ws: for http:) and sharing asks its HTTP side for a document name and token.
// What a participant sends to the others is one join link holding the server, the document's
// name and its token.

export type SharedAddress = { server: string; name: string; token: string };

const JOIN = "carepath:join";

/** The server's WebSocket address; `null` when `text` is not an address. */
export function socketAddress(text: string): string | null {
  let t = text.trim();
  if (!t) return null;
  if (!/^[a-z][a-z0-9+.-]*:\/\//i.test(t)) t = `ws://${t}`;
  let url: URL;
  try {
    url = new URL(t);
  } catch {
    return null;
  }
  const scheme = { "http:": "ws:", "https:": "wss:", "ws:": "ws:", "wss:": "wss:" }[url.protocol];
  if (!scheme || !url.hostname) return null;
  url.protocol = scheme;
  url.hash = "";
  url.search = "";
  return url.toString().replace(/\/$/, "");
}

/** The server's HTTP address (for POST /documents), from its WebSocket address. */
export function httpAddress(socket: string): string {
  return socket.replace(/^ws:/, "http:").replace(/^wss:/, "https:");
}

export function joinLink(a: SharedAddress): string {
  const q = new URLSearchParams({ server: a.server, document: a.name, token: a.token });
  return `${JOIN}?${q.toString()}`;
}

/** The address a join link holds; `null` when it is not one. */
export function parseJoinLink(text: string): SharedAddress | null {
  const t = text.trim();
  if (!t.startsWith(`${JOIN}?`)) return null;
  const q = new URLSearchParams(t.slice(JOIN.length + 1));
  const server = socketAddress(q.get("server") ?? "");
  const name = q.get("document") ?? "";
  const token = q.get("token") ?? "";
  if (!server || !name || !token) return null;
  return { server, name, token };
}

/** A participant's colour, the same on every screen: from their name. */
export function colourOf(name: string): string {
  const colours = ["#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#e377c2", "#8c564b", "#17becf", "#bcbd22", "#ff7f0e", "#7f7f7f"];
  let h = 0;
  for (const c of name) h = (h * 31 + c.codePointAt(0)!) >>> 0;
  return colours[h % colours.length];
}

export function toBase64(bytes: Uint8Array): string {
  let s = "";
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
}

export function fromBase64(text: string): Uint8Array {
  const s = atob(text);
  const out = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i);
  return out;
}
