/** Rows of `clients`, `client_accounts`, `client_members` (tenant-0008) as the repository returns them. */
export interface ClientRow {
  id: string;
  name: string;
  contacts: { name: string; email?: string | null; phone?: string | null }[];
  createdAt: Date;
}
export interface ClientMember {
  id: string;
  name: string;
  email: string;
  role: string;
}
