import { describe, expect, it } from "vitest";
import { Reuser, signatureOf } from "./reuse";

describe("Reuser", () => {
  it("keeps the previous object of an unchanged element and takes the new one of a changed", () => {
    const r = new Reuser<{ id: string; x: number }>();
    const first = r.share([{ id: "a", x: 1 }, { id: "b", x: 2 }], signatureOf);
    const second = r.share([{ id: "a", x: 1 }, { id: "b", x: 3 }, { id: "c", x: 0 }], signatureOf);
    expect(second[0]).toBe(first[0]);
    expect(second[1]).not.toBe(first[1]);
    expect(second[1].x).toBe(3);
    expect(second.map((i) => i.id)).toEqual(["a", "b", "c"]);
  });
  it("forgets elements that are gone", () => {
    const r = new Reuser<{ id: string; x: number }>();
    const first = r.share([{ id: "a", x: 1 }], signatureOf);
    r.share([], signatureOf);
    expect(r.share([{ id: "a", x: 1 }], signatureOf)[0]).not.toBe(first[0]);
  });
  it("adopts a measured copy in place of the remembered object, keeping its signature", () => {
    const r = new Reuser<{ id: string; x: number; measured?: number }>();
    const [a] = r.share([{ id: "a", x: 1 }], (i) => signatureOf({ x: i.x }));
    const measured = { ...a, measured: 40 };
    const copyOf = (item: { x: number }, remembered: { x: number }) => item.x === remembered.x;
    r.adopt([measured, { id: "b", x: 0 }], copyOf);
    const [again] = r.share([{ id: "a", x: 1 }], (i) => signatureOf({ x: i.x }));
    expect(again).toBe(measured);
    // a changed element still comes as the new object
    expect(r.share([{ id: "a", x: 2 }], (i) => signatureOf({ x: i.x }))[0]).not.toBe(measured);
  });
  it("does not adopt a measured copy of an older object: it would come back stale", () => {
    type N = { id: string; data: { pad: boolean }; measured?: number };
    const r = new Reuser<N>();
    const sig = (n: N) => signatureOf(n.data);
    const [old] = r.share([{ id: "a", data: { pad: true } }], sig);
    const [fresh] = r.share([{ id: "a", data: { pad: false } }], sig);
    // the canvas measures the node it still shows: the old one
    r.adopt([{ ...old, measured: 40 }], (a, b) => a.data === b.data);
    const [again] = r.share([{ id: "a", data: { pad: false } }], sig);
    expect(again).toBe(fresh);
    expect(again.data.pad).toBe(false);
  });
  it("signatures leave callbacks out", () => {
    expect(signatureOf({ a: 1, f: () => 1 })).toBe(signatureOf({ a: 1, f: () => 2 }));
  });
});
