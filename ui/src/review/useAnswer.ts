// The core's answer to a question about the open document, asked again whenever `deps`
// change (the document after an edit, a filter); the last answer stays until the next comes,
// so the panel does not flicker, and an answer to an older question is dropped.
import { useEffect, useState } from "react";

export function useAnswer<T>(ask: () => Promise<T>, deps: readonly unknown[], onError: (e: unknown) => void): T | null {
  const [answer, setAnswer] = useState<T | null>(null);
  useEffect(() => {
    let current = true;
    ask().then(
      (a) => current && setAnswer(a),
      (e) => current && onError(e),
    );
    return () => {
      current = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, deps);
  return answer;
}
