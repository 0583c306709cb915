// Hands the React Flow instance to code outside the provider (the commands: zoom, fit,
// centre on a step), through a ref the app owns.
import { useReactFlow, type ReactFlowInstance } from "@xyflow/react";
import { useEffect, type MutableRefObject } from "react";

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Flow = ReactFlowInstance<any, any>;

export function FlowHandle({ into }: { into: MutableRefObject<Flow | null> }) {
  const flow = useReactFlow();
  useEffect(() => {
    into.current = flow;
    return () => {
      if (into.current === flow) into.current = null;
    };
  }, [flow, into]);
  return null;
}
