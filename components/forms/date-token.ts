// Stands for the chosen day in a confirmation's words (ConfirmForm's `dated.text`), shared by the
// server that writes the words and the browser that puts the day in. Invisible separators, so it
// can never be typed or translated by accident.
export const DATE_TOKEN = "\u2063DATE\u2063";
