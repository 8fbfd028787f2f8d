import { handleAuthRoute } from "@/lib/auth/route-handler";

export { handleAuthRoute as GET, handleAuthRoute as POST };
