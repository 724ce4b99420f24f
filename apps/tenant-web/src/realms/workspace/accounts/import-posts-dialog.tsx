import { useId, useRef, useState, type FormEvent } from 'react';
import { CheckCircle2, Download, FileUp, TriangleAlert } from 'lucide-react';
import { Alert, AlertDescription, AlertTitle } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle, DialogTrigger } from '@/components/ui/dialog';
import { Input } from '@/components/ui/input';
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from '@/components/ui/table';
import { toast } from '@/components/ui/toaster';
import { Field, describedBy } from '@/components/field';
import { ApiErrorAlert } from '@/components/api-error-alert';
import { useImportPosts } from './queries';
import type { ImportReport } from './types';

const MAX_BYTES = 5 * 1024 * 1024;

export const CSV_COLUMNS: { name: string; required?: boolean; description: string }[] = [
  { name: 'posted_at', required: true, description: 'ISO date or date-time: 2025-03-04 or 2025-03-04T18:30:00Z' },
  { name: 'caption', description: 'The post text (quote it if it contains commas or line breaks)' },
  { name: 'media_type', description: 'IMAGE, VIDEO, CAROUSEL_ALBUM or REEL' },
  { name: 'likes', description: 'Whole number' },
  { name: 'comments', description: 'Whole number' },
  { name: 'saves', description: 'Whole number' },
  { name: 'shares', description: 'Whole number' },
  { name: 'reach', description: 'Accounts reached (whole number)' },
  { name: 'views', description: 'Views or plays (whole number)' },
  { name: 'permalink', description: 'Link to the post on Instagram' },
];

export const CSV_EXAMPLE = [
  'posted_at,caption,media_type,likes,comments,saves,shares,reach,views,permalink',
  '2025-03-04T18:30:00Z,"Spring menu is here, come try it",IMAGE,412,23,31,9,5230,,https://www.instagram.com/p/ABC123/',
  '2025-03-07,Behind the scenes,REEL,980,41,77,52,14800,22100,',
].join('\n');

function ImportReportView({ report }: { report: ImportReport }) {
  const { imported, rejected } = report;
  return (
    <div className="grid gap-3" data-testid="import-report">
      <Alert variant={imported > 0 ? 'success' : 'warning'}>
        {imported > 0 ? <CheckCircle2 /> : <TriangleAlert />}
        <AlertTitle>
          {imported === 1 ? '1 post imported' : `${imported} posts imported`}
          {rejected.length > 0 ? `, ${rejected.length} ${rejected.length === 1 ? 'row' : 'rows'} rejected` : ''}
        </AlertTitle>
        <AlertDescription>
          <p>
            {rejected.length > 0
              ? 'The other rows are saved. Fix the rows below and import a file with only those rows, so nothing is imported twice.'
              : 'Every row was imported. The posts and charts on this page now include them.'}
          </p>
        </AlertDescription>
      </Alert>
      {rejected.length > 0 ? (
        <div className="max-h-64 overflow-y-auto rounded-lg border border-zinc-200">
          <Table aria-label="Rejected rows">
            <TableHeader>
              <TableRow className="hover:bg-transparent">
                <TableHead className="w-20">Row</TableHead>
                <TableHead>Reason</TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {[...rejected]
                .sort((a, b) => a.row - b.row)
                .map((r) => (
                  <TableRow key={`${r.row}-${r.reason}`} data-testid="import-rejected-row">
                    <TableCell className="font-medium tabular-nums">{r.row}</TableCell>
                    <TableCell className="whitespace-normal text-zinc-700">{r.reason}</TableCell>
                  </TableRow>
                ))}
            </TableBody>
          </Table>
        </div>
      ) : null}
    </div>
  );
}

/** "Import posts (CSV)": reads the file in the browser and posts its text. */
export function ImportPostsDialog({ accountId, username }: { accountId: string; username: string }) {
  const [open, setOpen] = useState(false);
  const [file, setFile] = useState<File | null>(null);
  const [fileError, setFileError] = useState<string | undefined>();
  const inputRef = useRef<HTMLInputElement>(null);
  const importPosts = useImportPosts(accountId);
  const exampleId = useId();
  const exampleHref = `data:text/csv;charset=utf-8,${encodeURIComponent(CSV_EXAMPLE + '\n')}`;

  function resetAll() {
    setFile(null);
    setFileError(undefined);
    importPosts.reset();
    if (inputRef.current) inputRef.current.value = '';
  }

  function onOpenChange(next: boolean) {
    if (importPosts.isPending) return;
    setOpen(next);
    if (!next) resetAll();
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!file) {
      setFileError('Choose a CSV file to import.');
      return;
    }
    if (file.size > MAX_BYTES) {
      setFileError('The file is larger than 5 MB. Split it into smaller files.');
      return;
    }
    let csv: string;
    try {
      csv = await file.text();
    } catch {
      setFileError('We could not read that file. Try saving it again as CSV (UTF-8).');
      return;
    }
    if (!csv.trim()) {
      setFileError('The file is empty.');
      return;
    }
    importPosts.mutate(csv.replace(/^\uFEFF/, ''), {
      onSuccess: (report) => {
        if (report.imported > 0) toast({ variant: 'success', title: 'Posts imported', description: `${report.imported} posts added to @${username}.` });
      },
    });
  }

  const report = importPosts.data;

  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogTrigger asChild>
        <Button variant="outline">
          <FileUp /> Import posts (CSV)
        </Button>
      </DialogTrigger>
      <DialogContent className="sm:max-w-2xl">
        <DialogHeader>
          <DialogTitle>Import posts from a CSV</DialogTitle>
          <DialogDescription>
            One row per post, with a header row. Only <code className="font-mono text-zinc-700">posted_at</code> is required; leave a cell
            empty when you do not know the number (it is shown as “—”, never as 0).
          </DialogDescription>
        </DialogHeader>

        {report ? (
          <>
            <ImportReportView report={report} />
            <DialogFooter>
              <Button variant="outline" onClick={resetAll}>
                Import another file
              </Button>
              <Button onClick={() => onOpenChange(false)}>Done</Button>
            </DialogFooter>
          </>
        ) : (
          <form className="grid gap-5" noValidate onSubmit={(e) => void submit(e)}>
            <div className="overflow-hidden rounded-lg border border-zinc-200">
              <Table aria-label="CSV columns">
                <TableHeader>
                  <TableRow className="hover:bg-transparent">
                    <TableHead>Column</TableHead>
                    <TableHead>What to put in it</TableHead>
                  </TableRow>
                </TableHeader>
                <TableBody>
                  {CSV_COLUMNS.map((col) => (
                    <TableRow key={col.name}>
                      <TableCell className="py-2 font-mono text-xs text-zinc-900">
                        {col.name}
                        {col.required ? <span className="ml-1.5 font-sans text-[11px] font-medium text-brand-ink">required</span> : null}
                      </TableCell>
                      <TableCell className="py-2 whitespace-normal text-xs text-zinc-600">{col.description}</TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            </div>
            <div className="grid gap-2">
              <div className="flex items-center justify-between gap-2">
                <p id={exampleId} className="text-sm font-medium text-zinc-800">
                  Example
                </p>
                <Button variant="link" size="sm" className="h-auto px-0" asChild>
                  <a href={exampleHref} download="posts-example.csv">
                    <Download /> Download example
                  </a>
                </Button>
              </div>
              <pre
                aria-labelledby={exampleId}
                className="overflow-x-auto rounded-lg bg-zinc-950 p-3 font-mono text-[11px] leading-relaxed text-zinc-100"
              >
                {CSV_EXAMPLE}
              </pre>
            </div>
            <ApiErrorAlert error={importPosts.error} />
            <Field id="import-file" label="CSV file" error={fileError} hint="UTF-8 CSV, up to 5 MB. Export from Google Sheets or Excel with “CSV”.">
              <Input
                id="import-file"
                ref={inputRef}
                type="file"
                accept=".csv,text/csv"
                className="h-auto py-1.5 file:mr-3 file:rounded-md file:bg-zinc-100 file:px-3 file:py-1"
                aria-invalid={!!fileError}
                aria-describedby={describedBy('import-file', fileError, true)}
                onChange={(e) => {
                  setFile(e.target.files?.[0] ?? null);
                  setFileError(undefined);
                  importPosts.reset();
                }}
              />
            </Field>
            <DialogFooter>
              <Button type="button" variant="outline" onClick={() => onOpenChange(false)} disabled={importPosts.isPending}>
                Cancel
              </Button>
              <Button type="submit" loading={importPosts.isPending}>
                Import posts
              </Button>
            </DialogFooter>
          </form>
        )}
      </DialogContent>
    </Dialog>
  );
}
