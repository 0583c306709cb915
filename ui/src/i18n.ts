// Languages: Norwegian bokmål (default) and English, chosen from the saved choice, else the
// OS/browser locale, and switchable at run time.
import i18n from "i18next";
import { initReactI18next } from "react-i18next";
import { en } from "./locales/en";
import { frameEn } from "./locales/frame.en";
import { frameNb } from "./locales/frame.nb";
import { nb } from "./locales/nb";
import type { Lang } from "./generated/carepath";

const STORAGE_KEY = "carepath.language";

/** The first of the user's preferred languages that Carepath speaks; bokmål otherwise. */
export function pickLanguage(preferred: readonly string[]): Lang {
  for (const tag of preferred) {
    const base = tag.toLowerCase().split("-")[0];
    if (base === "nb" || base === "no" || base === "nn") return "nb";
    if (base === "en") return "en";
  }
  return "nb";
}

function initialLanguage(): Lang {
  const saved = typeof localStorage !== "undefined" ? localStorage.getItem(STORAGE_KEY) : null;
  if (saved === "nb" || saved === "en") return saved;
  const nav = typeof navigator !== "undefined" ? navigator : undefined;
  return pickLanguage(nav?.languages?.length ? nav.languages : nav?.language ? [nav.language] : []);
}

export function setLanguage(lang: Lang) {
  localStorage.setItem(STORAGE_KEY, lang);
  void i18n.changeLanguage(lang);
  document.documentElement.lang = lang;
}

void i18n.use(initReactI18next).init({
  resources: { nb: { translation: { ...nb, ...frameNb } }, en: { translation: { ...en, ...frameEn } } },
  lng: initialLanguage(),
  fallbackLng: "nb",
  interpolation: { escapeValue: false },
});
if (typeof document !== "undefined") document.documentElement.lang = i18n.language;

export default i18n;
