export const nb = {
  app: { loading: "Åpner dokumentet …", language: "Språk", noVariants: "Dokumentet har ingen varianter." },
  toolbar: { variant: "Variant", undo: "Angre", redo: "Gjør om", undoHint: "Angre (Ctrl+Z)", redoHint: "Gjør om (Ctrl+Shift+Z)" },
  variantKind: { current: "Nå-situasjon", desired: "Ønsket forløp", alternative: "Alternativ" },
  stepKind: {
    start: "Start",
    activity: "Aktivitet",
    decision: "Beslutning",
    event: "Hendelse",
    end: "Slutt",
    sub_pathway: "Delforløp",
  },
  canvas: {
    newStep: "Nytt steg",
    unassignedLane: "Uten aktør",
    unassignedColumn: "Uten fase",
    hint: "Dobbeltklikk i en celle for å legge til et steg · dobbeltklikk på et navn for å endre det · Delete sletter",
  },
  problems: {
    title: "Problemer",
    none: "Ingen problemer funnet.",
    error: "Feil",
    warning: "Advarsel",
    info: "Info",
  },
  error: { title: "Noe gikk galt", dismiss: "Lukk" },
};
export type Resources = typeof nb;
