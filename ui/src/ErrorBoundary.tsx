// Shows a rendering failure instead of a blank window.
import { Component, type ReactNode } from "react";

export class ErrorBoundary extends Component<{ children: ReactNode }, { error: Error | null }> {
  state = { error: null as Error | null };
  static getDerivedStateFromError(error: Error) {
    return { error };
  }
  render() {
    if (!this.state.error) return this.props.children;
    return (
      <div className="crash" role="alert">
        <h1>Carepath</h1>
        <p>{this.state.error.message}</p>
        <pre>{this.state.error.stack}</pre>
      </div>
    );
  }
}
