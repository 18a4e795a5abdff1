import type { clientContacts } from "@/db/schema";
import type { ContactOutput } from "./schemas";

export const toContactOutput = (c: typeof clientContacts.$inferSelect): ContactOutput => ({
  id: c.id,
  clientId: c.clientId,
  name: c.name,
  role: c.role,
  email: c.email,
  phone: c.phone,
  preferredChannel: c.preferredChannel,
  whenToCall: c.whenToCall,
});
