import { TranslationFormPage } from "@/components/staff/translation-form-page";
import { loadTranslationForm } from "@/lib/translations/loaders";

type Props = { params: Promise<{ childId: string; entryId: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function Page({ params, searchParams }: Props) {
  const [{ childId, entryId }, query] = await Promise.all([params, searchParams]);
  return <TranslationFormPage view={await loadTranslationForm(childId, entryId, query)} />;
}
