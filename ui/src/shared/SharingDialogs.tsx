// File → Share for co-editing … and File → Join shared document …: the dialogs, and the
// connection badge of the status bar (connected / offline with N unsent / reconnecting, and
// who is here in their colours).
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Modal } from "../dialogs/Modal";
import type { Sharing } from "./useSharing";
import { httpAddress, joinLink, parseJoinLink, socketAddress, type SharedAddress } from "./link";

const SERVER_KEY = "carepath.shared.server";

/** Asks the server for a new document name and its token (POST /documents with the key). */
async function publish(server: string, key: string): Promise<{ name: string; token: string }> {
  const r = await fetch(`${httpAddress(server)}/documents`, { method: "POST", headers: { Authorization: `Bearer ${key.trim()}` } });
  const body = await r.json().catch(() => ({}));
  if (!r.ok) throw new Error(String(body.error ?? `HTTP ${r.status}`));
  return { name: String(body.name), token: String(body.token) };
}

export function ShareDialog(props: {
  author: string;
  sharing: Sharing;
  onShare: (address: SharedAddress) => Promise<void>;
  onStop: () => Promise<void>;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [server, setServer] = useState(() => localStorage.getItem(SERVER_KEY) ?? "");
  const [key, setKey] = useState("");
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [copied, setCopied] = useState(false);
  const place = props.sharing.place;
  const link = place ? joinLink(place) : null;

  const share = async () => {
    const socket = socketAddress(server);
    if (!socket) return setProblem(t("shared.badServer", { text: server }));
    setBusy(true);
    setProblem(null);
    try {
      const { name, token } = await publish(socket, key).catch((e: Error) => {
        throw new Error(e.message.startsWith("HTTP") || e.name === "TypeError" ? t("shared.unreachable", { server: socket, reason: e.message }) : t("shared.refused", { reason: e.message }));
      });
      localStorage.setItem(SERVER_KEY, server.trim());
      await props.onShare({ server: socket, name, token });
    } catch (e) {
      setProblem(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal title={t("shared.shareTitle")} onClose={props.onClose} busy={busy} className="share-dialog">
      {!props.author.trim() && <p className="problem">{t("shared.noAuthor")}</p>}
      {props.author.trim() && <p>{t("shared.asAuthor", { name: props.author })}</p>}
      {link ? (
        <div>
          <label>
            {t("shared.link")}
            <input name="link" readOnly value={link} data-refocus onFocus={(e) => e.target.select()} />
          </label>
          <p role="status">{copied ? t("shared.copied") : ""}</p>
          <div className="actions">
            <button type="button" onClick={() => void props.onStop()}>
              {t("shared.stop")}
            </button>
            <button
              type="button"
              onClick={() => {
                void navigator.clipboard.writeText(link).then(() => setCopied(true));
              }}
            >
              {t("shared.copy")}
            </button>
            <button type="button" className="primary" onClick={props.onClose}>
              {t("shared.close")}
            </button>
          </div>
        </div>
      ) : (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            void share();
          }}
        >
          <fieldset disabled={busy}>
            <label>
              {t("shared.server")}
              <input data-autofocus name="server" value={server} placeholder={t("shared.serverHint")} onChange={(e) => setServer(e.target.value)} />
            </label>
            <label>
              {t("shared.publishKey")}
              <input name="publish-key" type="password" value={key} placeholder={t("shared.publishKeyHint")} onChange={(e) => setKey(e.target.value)} />
            </label>
          </fieldset>
          {problem && <p className="problem" role="alert">{problem}</p>}
          <div className="actions">
            <button type="button" onClick={props.onClose} disabled={busy}>
              {t("shared.cancel")}
            </button>
            <button type="submit" className="primary" disabled={busy || !server.trim() || !key.trim() || !props.author.trim()}>
              {busy ? t("shared.sharing") : t("shared.share")}
            </button>
          </div>
        </form>
      )}
    </Modal>
  );
}

export function JoinDialog(props: { author: string; onJoin: (address: SharedAddress) => Promise<void>; onClose: () => void }) {
  const { t } = useTranslation();
  const [text, setText] = useState("");
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  const join = async () => {
    const address = parseJoinLink(text);
    if (!address) return setProblem(t("shared.badLink"));
    setBusy(true);
    setProblem(null);
    try {
      await props.onJoin(address);
    } catch (e) {
      setProblem(e instanceof Error ? e.message : String((e as { message?: string }).message ?? e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal title={t("shared.joinTitle")} onClose={props.onClose} busy={busy} className="join-dialog">
      {!props.author.trim() && <p className="problem">{t("shared.noAuthor")}</p>}
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void join();
        }}
      >
        <fieldset disabled={busy}>
          <label>
            {t("shared.joinLink")}
            <input data-autofocus name="join-link" value={text} placeholder={t("shared.joinLinkHint")} onChange={(e) => setText(e.target.value)} />
          </label>
        </fieldset>
        {problem && <p className="problem" role="alert">{problem}</p>}
        <div className="actions">
          <button type="button" onClick={props.onClose} disabled={busy}>
            {t("shared.cancel")}
          </button>
          <button type="submit" className="primary" disabled={busy || !text.trim() || !props.author.trim()}>
            {busy ? t("shared.joining") : t("shared.join")}
          </button>
        </div>
      </form>
    </Modal>
  );
}

/** The connection, always visible while the document is shared. */
export function ConnectionBadge({ sharing }: { sharing: Sharing }) {
  const { t } = useTranslation();
  if (sharing.state === "off") return null;
  const others = sharing.people.filter((p) => !p.me);
  return (
    <span className={`connection connection-${sharing.state}`} data-state={sharing.state} data-unsent={sharing.unsent}>
      <span className="connection-state">{t(`shared.${sharing.state}`)}</span>
      {sharing.unsent > 0 && <span className="connection-unsent"> · {t("shared.unsent", { count: sharing.unsent })}</span>}
      <span className="connection-people" title={sharing.people.map((p) => (p.me ? `${p.name} (${t("shared.you")})` : p.name)).join(", ")}>
        {" · "}
        {t("shared.people", { count: sharing.people.length })}
        {others.map((p) => (
          <span key={p.id} className="person" style={{ background: p.colour }} aria-label={p.name}>
            {p.name.slice(0, 1).toUpperCase()}
          </span>
        ))}
      </span>
    </span>
  );
}
