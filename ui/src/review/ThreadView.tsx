// One comment thread: the first comment, its replies, a reply field and resolve / reopen.
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { Comment, Thread as ThreadView } from "../generated/carepath";
import { formatTime } from "./logic";

function CommentItem({ c }: { c: Comment }) {
  const { t, i18n } = useTranslation();
  return (
    <div className="comment" data-comment={c.id}>
      <div className="comment-head">
        <strong className="comment-author">{c.author}</strong> <time dateTime={c.created}>{formatTime(c.created, i18n.language)}</time>
      </div>
      {c.accepts && (
        <p className="comment-accepts" title={c.accepts}>
          {t("review.acceptsWarning")}
        </p>
      )}
      <p className="comment-text">{c.text}</p>
    </div>
  );
}

export function Thread(props: { thread: ThreadView; onReply: (text: string) => Promise<boolean>; onResolve: (resolved: boolean) => void }) {
  const { thread, onReply, onResolve } = props;
  const { t } = useTranslation();
  const [reply, setReply] = useState("");
  return (
    <article className={`thread ${thread.open ? "open" : "resolved"}`} data-thread={thread.root.id} aria-label={`${thread.root.author}: ${thread.root.text}`}>
      <span className="thread-state">{thread.open ? t("review.open") : `✓ ${t("review.resolved")}`}</span>
      <CommentItem c={thread.root} />
      {thread.replies.length > 0 && (
        <div className="replies">
          {thread.replies.map((c) => (
            <CommentItem key={c.id} c={c} />
          ))}
        </div>
      )}
      <form
        className="reply-form"
        onSubmit={(e) => {
          e.preventDefault();
          if (reply.trim()) void onReply(reply.trim()).then((ok) => ok && setReply(""));
        }}
      >
        <input aria-label={t("review.replyLabel")} placeholder={t("review.reply")} value={reply} onChange={(e) => setReply(e.target.value)} />
        <button type="submit" disabled={!reply.trim()}>
          {t("review.sendReply")}
        </button>
      </form>
      <button type="button" className="resolve" onClick={() => onResolve(thread.open)}>
        {thread.open ? t("review.resolve") : t("review.reopen")}
      </button>
    </article>
  );
}
