import { SetupPage } from "@/components/admin/setup-page";

// Open to anyone (the person is not signed in yet); the action is throttled like sign-in.
export default async function Page({ searchParams }: { searchParams: Promise<{ done?: string }> }) {
  return <SetupPage done={(await searchParams).done === "1"} />;
}
