// The window's side of live co-editing: a Yjs document mirroring the core's shared form,
// connected to the collaboration server by Hocuspocus' provider. What the core wrote (a local
// edit, undo, redo) arrives as the "shared-updates" event and goes out through the provider;
// what the provider receives goes to the core in batches (shared_receive), whose answer the
// window takes like any edit's. Presence (name, colour, selection) travels as awareness.

import { useCallback, useEffect, useRef, useState } from "react";
import { listen } from "@tauri-apps/api/event";
import type { HocuspocusProvider } from "@hocuspocus/provider";
import type * as Y from "yjs";
import { api, asCoreError, type CoreError, type SharedPlace, type SharedUpdate } from "../api";
import type { View } from "../generated/carepath";
import { colourOf, fromBase64, toBase64 } from "./link";

export type ConnectionState = "off" | "connecting" | "connected" | "offline" | "denied";

export type Person = { id: number; name: string; colour: string; selection: string | null; me: boolean };

export type Sharing = {
  state: ConnectionState;
  /** Edits made here that the server has not confirmed. */
  unsent: number;
  people: Person[];
  place: SharedPlace | null;
};

const CORE = "core";

type Engine = typeof import("./engine");
let engine: Promise<Engine> | null = null;
/** Yjs and the provider, loaded once, on first use. */
const loadEngine = () => (engine ??= import("./engine"));

type Options = {
  author: string;
  /** The id of what is selected here, shown to the others. */
  selection: string | null;
  view: () => View;
  take: (u: SharedUpdate) => Promise<void>;
  fail: (e: CoreError) => void;
};

export function useSharing({ author, selection, view, take, fail }: Options) {
  const [sharing, setSharing] = useState<Sharing>({ state: "off", unsent: 0, people: [], place: null });
  const doc = useRef<Y.Doc | null>(null);
  const provider = useRef<HocuspocusProvider | null>(null);
  const inbox = useRef<Uint8Array[]>([]);
  const busy = useRef(false);
  const latest = useRef({ view, take, fail });
  latest.current = { view, take, fail };

  // hands what arrived from others to the core, in batches, one batch at a time
  const flush = useCallback(async () => {
    if (busy.current) return;
    busy.current = true;
    try {
      while (inbox.current.length) {
        const batch = inbox.current.splice(0).map(toBase64);
        try {
          await latest.current.take(await api.sharedReceive(batch, latest.current.view()));
        } catch (e) {
          latest.current.fail(asCoreError(e));
        }
      }
    } finally {
      busy.current = false;
    }
  }, []);

  // each connect or disconnect starts a new generation; a connect that was overtaken while
  // the engine loaded gives up
  const generation = useRef(0);
  const engineRef = useRef<Engine | null>(null);
  // what the core wrote while the engine was still loading, applied once the document exists
  const early = useRef<string[] | null>(null);

  const disconnect = useCallback(() => {
    generation.current++;
    early.current = null;
    provider.current?.destroy();
    doc.current?.destroy();
    provider.current = null;
    doc.current = null;
    inbox.current = [];
    setSharing({ state: "off", unsent: 0, people: [], place: null });
  }, []);

  const connect = useCallback(
    async (place: SharedPlace) => {
      disconnect();
      const mine = generation.current;
      setSharing({ state: "connecting", unsent: 0, people: [], place });
      early.current = [];
      const { Y, HocuspocusProvider } = (engineRef.current = await loadEngine());
      if (mine !== generation.current) return;
      const d = new Y.Doc();
      Y.applyUpdate(d, fromBase64(place.state), CORE);
      for (const u of early.current ?? []) Y.applyUpdate(d, fromBase64(u), CORE);
      early.current = null;
      d.on("update", (update: Uint8Array, origin: unknown) => {
        if (origin === CORE) return;
        inbox.current.push(update);
        void flush();
      });
      const people = (p: HocuspocusProvider): Person[] =>
        [...p.awareness!.getStates().entries()]
          .filter(([, s]) => s.user)
          .map(([id, s]) => ({ id, name: String(s.user.name), colour: String(s.user.colour), selection: s.selection ?? null, me: id === d.clientID }));
      const p = new HocuspocusProvider({
        url: place.server,
        name: place.name,
        token: place.token,
        document: d,
        onStatus: ({ status }) => setSharing((s) => ({ ...s, state: status === "connected" ? "connected" : status === "connecting" ? "connecting" : "offline" })),
        onAuthenticationFailed: () => setSharing((s) => ({ ...s, state: "denied" })),
        onUnsyncedChanges: ({ number }) => setSharing((s) => ({ ...s, unsent: number })),
        onAwarenessChange: () => setSharing((s) => ({ ...s, people: people(p) })),
      });
      p.setAwarenessField("user", { name: author, colour: colourOf(author) });
      doc.current = d;
      provider.current = p;
    },
    [author, disconnect, flush],
  );

  // what the core wrote goes out through the provider
  useEffect(() => {
    const un = listen<string[]>("shared-updates", (e) => {
      const d = doc.current;
      const Y = engineRef.current?.Y;
      if (!d || !Y) {
        early.current?.push(...e.payload);
        return;
      }
      for (const u of e.payload) Y.applyUpdate(d, fromBase64(u), CORE);
    });
    return () => void un.then((f) => f());
  }, []);

  useEffect(() => {
    provider.current?.setAwarenessField("selection", selection);
  }, [selection]);

  useEffect(() => disconnect, [disconnect]);

  /** After a document is opened: connects if it is shared. */
  const resume = useCallback(async () => {
    disconnect();
    try {
      const place = await api.sharedPlace(author);
      if (place) await connect(place);
    } catch (e) {
      latest.current.fail(asCoreError(e));
    }
  }, [author, connect, disconnect]);

  const leave = useCallback(async () => {
    await api.leaveShared();
    disconnect();
  }, [disconnect]);

  return { sharing, connect, resume, leave, disconnect };
}

/**
 * Fetches a shared document's whole state from the server (to join it): connects, waits until
 * synced (or `ms`), and answers the state as base64.
 */
export async function fetchShared(server: string, name: string, token: string, ms = 15000): Promise<string> {
  const { Y, HocuspocusProvider } = await loadEngine();
  return new Promise((resolve, reject) => {
    const d = new Y.Doc();
    let done = false;
    const end = (f: () => void) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      p.destroy();
      d.destroy();
      f();
    };
    const p = new HocuspocusProvider({
      url: server,
      name,
      token,
      document: d,
      onSynced: () => end(() => resolve(toBase64(Y.encodeStateAsUpdate(d)))),
      onAuthenticationFailed: ({ reason }) => end(() => reject(new Error(`the server refused the token: ${reason}`))),
    });
    const timer = setTimeout(() => end(() => reject(new Error(`no answer from ${server} in ${ms / 1000} s`))), ms);
  });
}
