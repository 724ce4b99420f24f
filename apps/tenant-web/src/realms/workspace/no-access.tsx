import type { ReactNode } from 'react';
import { Link } from 'react-router-dom';
import { ArrowLeft, ShieldAlert } from 'lucide-react';
import type { Action, Subject } from '@instagrowth/authz';
import { Button } from '@/components/ui/button';
import { EmptyState } from '@/components/states';
import { useAbility } from './ability';

/** What a page says to a role it is not for (reached by a typed or shared URL; the nav hides the link). */
export function NoAccessState() {
  return (
    <EmptyState
      icon={ShieldAlert}
      title="You do not have access to this section"
      description="Your role does not include it. Ask a workspace owner or admin if you need access."
      action={
        <Button variant="outline" asChild>
          <Link to="/">
            <ArrowLeft /> Back to dashboard
          </Link>
        </Button>
      }
    />
  );
}

/** Renders the page only when the ability allows it, so the page never fires requests the API would refuse. */
export function RequireAbility({ can, children }: { can: [Action, Subject]; children: ReactNode }) {
  const ability = useAbility();
  return ability.can(can[0], can[1]) ? <>{children}</> : <NoAccessState />;
}
