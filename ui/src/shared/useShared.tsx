// Live co-editing in the frame: File → Share for co-editing … and File → Join shared
// document … (their own menu listener, as review mode has), the connection of the open
// document (resumed whenever another document opens), notices of replaced changes, and the
// connection badge.
import { useCallback, useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { listen } from "@tauri-apps/api/event";
import { save } from "../dialogs/files";
import { api, asCoreError, type CoreError, type SharedUpdate } from "../api";
import type { MenuCommand, MenuEvent, View } from "../generated/carepath";
import { ConnectionBadge, JoinDialog, ShareDialog } from "./SharingDialogs";
import { fetchShared, useSharing } from "./useSharing";
import type { SharedAddress } from "./link";

type Deps = {
  /** The open document's id; null when none is open. */
  docId: string | null;
  author: string;
  selection: string | null;
  view: () => View;
  take: (u: SharedUpdate["update"]) => Promise<unknown>;
  /** After Join opened the new file. */
  opened: () => Promise<void>;
  setNote: (text: string) => void;
  setError: (e: CoreError) => void;
};

export function useShared(deps: Deps) {
  const { t } = useTranslation();
  const [dialog, setDialog] = useState<"share" | "join" | null>(null);
  const d = useRef(deps);
  d.current = deps;

  const take = useCallback(
    async (u: SharedUpdate) => {
      await d.current.take(u.update);
      const n = u.notices[u.notices.length - 1];
      if (n) d.current.setNote(t("shared.replaced", { by: n.by, field: n.field, theirs: typeof n.theirs === "string" ? n.theirs : JSON.stringify(n.theirs) }));
      else if (u.left_out.length > 0) d.current.setNote(t("shared.leftOut", { count: u.left_out.length }));
    },
    [t],
  );
  const { sharing, connect, resume, leave, disconnect } = useSharing({
    author: deps.author,
    selection: deps.selection,
    view: () => d.current.view(),
    take,
    fail: (e) => d.current.setError(e),
  });

  // the open document's connection: whenever another document opens (or none is open)
  useEffect(() => {
    if (deps.docId) void resume();
    else disconnect();
  }, [deps.docId, resume, disconnect]);

  const share = useCallback(
    async (a: SharedAddress) => {
      await connect(await api.shareDocument(a.server, a.name, a.token, d.current.author));
    },
    [connect],
  );

  const join = useCallback(
    async (a: SharedAddress) => {
      const state = await fetchShared(a.server, a.name, a.token).catch((e: Error) => {
        throw new Error(e.message.includes("refused") ? t("shared.refused", { reason: e.message }) : t("shared.unreachable", { server: a.server, reason: e.message }));
      });
      const path = await save({ title: t("shared.saveTitle"), filters: [{ name: "Carepath", extensions: ["carepath"] }] });
      if (!path) return;
      const target = path.endsWith(".carepath") ? path : `${path}.carepath`;
      try {
        const doc = await api.joinShared(target, a.server, a.name, a.token, d.current.author, state);
        setDialog(null);
        await d.current.opened();
        await resume();
        d.current.setNote(t("shared.joined", { title: doc.metadata.title }));
      } catch (e) {
        throw new Error(asCoreError(e).message);
      }
    },
    [resume, t],
  );

  const run = useCallback((id: MenuCommand) => {
    if (id === "share" && d.current.docId) setDialog("share");
    if (id === "join_shared") setDialog("join");
  }, []);
  useEffect(() => {
    if (!("__TAURI_INTERNALS__" in window)) return;
    const un = listen<MenuEvent>("menu", (e) => run(e.payload.id));
    return () => void un.then((f) => f());
  }, [run]);

  const dialogs = (
    <>
      {dialog === "share" && (
        <ShareDialog
          author={deps.author}
          sharing={sharing}
          onShare={share}
          onStop={async () => {
            await leave().catch((e) => d.current.setError(asCoreError(e)));
            setDialog(null);
            d.current.setNote(t("shared.stopped"));
          }}
          onClose={() => setDialog(null)}
        />
      )}
      {dialog === "join" && <JoinDialog author={deps.author} onJoin={join} onClose={() => setDialog(null)} />}
    </>
  );

  return { sharing, run, dialogs, badge: <ConnectionBadge sharing={sharing} /> };
}
