import { decideConsentAction } from "@/lib/consent/actions";
import { ConfirmForm, type ConfirmWords } from "../forms/confirm-form";

type Props = {
  childId: string; topicId: string; choice: "given" | "withdrawn"; confirmPath: string; locale: string;
  /** confirmUntil: the confirmation with DATE_TOKEN where the chosen "until" day goes. */
  words: ConfirmWords & { expiresLabel?: string; confirmUntil?: string };
};

// Giving and withdrawing look the same and take the same steps: press, read what will change, confirm.
export function ConsentChoiceForm({ childId, topicId, choice, confirmPath, locale, words }: Props) {
  const id = `${topicId}-${choice}`;
  return (
    <ConfirmForm action={decideConsentAction} hidden={{ childId, topicId, choice }} confirmPath={confirmPath} words={words}
      dated={words.confirmUntil ? { field: "expiresOn", text: words.confirmUntil, locale } : undefined}>
      {words.expiresLabel ? (
        <div className="field">
          <label htmlFor={`expires-${id}`}>{words.expiresLabel}</label>
          <input type="date" id={`expires-${id}`} name="expiresOn" />
        </div>
      ) : null}
    </ConfirmForm>
  );
}
