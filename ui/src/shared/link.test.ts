import { describe, expect, it } from "vitest";
import { colourOf, fromBase64, httpAddress, joinLink, parseJoinLink, socketAddress, toBase64 } from "./link";

describe("shared document addresses", () => {
  it("takes a server as the team knows it", () => {
    expect(socketAddress("https://samarbeid.kommune.no")).toBe("wss://samarbeid.kommune.no");
    expect(socketAddress("http://127.0.0.1:1234/")).toBe("ws://127.0.0.1:1234");
    expect(socketAddress("127.0.0.1:1234")).toBe("ws://127.0.0.1:1234");
    expect(socketAddress("wss://x.no/collab")).toBe("wss://x.no/collab");
    expect(socketAddress("ftp://x.no")).toBeNull();
    expect(socketAddress("  ")).toBeNull();
    expect(httpAddress("wss://x.no/collab")).toBe("https://x.no/collab");
  });

  it("round-trips a join link and refuses other text", () => {
    const a = { server: "wss://x.no", name: "0192-ab", token: "a+b/c=&d" };
    expect(parseJoinLink(joinLink(a))).toEqual(a);
    expect(parseJoinLink(`  ${joinLink(a)}\n`)).toEqual(a);
    expect(parseJoinLink("https://x.no")).toBeNull();
    expect(parseJoinLink("carepath:join?server=wss://x.no&document=d")).toBeNull();
  });

  it("gives everyone the same colour on every screen", () => {
    expect(colourOf("Kari")).toBe(colourOf("Kari"));
    expect(new Set(["Kari", "Ola", "Per", "Lise", "Anne"].map(colourOf)).size).toBeGreaterThan(2);
  });

  it("carries updates as base64 both ways", () => {
    const bytes = new Uint8Array(70000).map((_, i) => (i * 7) % 256);
    expect(fromBase64(toBase64(bytes))).toEqual(bytes);
  });
});
