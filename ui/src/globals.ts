// Everything the window needs loaded once before the app mounts: the canvas library's
// styles, the app's styles and the translations. Shared by main.tsx and the benchmark page.
import "@xyflow/react/dist/style.css";
import "./styles.css";
import "./panels/panels.css";
import "./i18n";
