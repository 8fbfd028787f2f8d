import { TranslationCheckPage } from "@/components/staff/translation-check-page";
import { loadTranslationCheck } from "@/lib/translations/loaders";

type Props = { params: Promise<{ childId: string; entryId: string; draftId: string }> };

export default async function Page({ params }: Props) {
  const { childId, entryId, draftId } = await params;
  return <TranslationCheckPage view={await loadTranslationCheck(childId, entryId, draftId)} />;
}
