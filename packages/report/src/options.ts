import { ZSeverity, ZThreatStatus } from '@threatloom/core';
import { z } from 'zod';

/**
 * What a report shows. The first five are Threat Dragon's report options;
 * `severities` and `statuses` filter threats (null: all).
 */
export const ZReportOptions = z
  .object({
    /** Include elements marked out of scope (with their reason). */
    showOutOfScope: z.boolean().default(true),
    /** Include threats whose status is `mitigated`. */
    showMitigated: z.boolean().default(true),
    /** Include elements that have no (remaining) threats. */
    showEmpty: z.boolean().default(false),
    /** List each element's properties (protocol, encryption, privilege level…). */
    showProperties: z.boolean().default(false),
    /** Draw each diagram on its own page. */
    showDiagrams: z.boolean().default(true),
    severities: z.array(ZSeverity).min(1).nullable().default(null),
    statuses: z.array(ZThreatStatus).min(1).nullable().default(null),
    /** Date printed on the cover (ISO string); defaults to now. */
    date: z.string().max(64).optional(),
    /** Extra TTF/OTF files used as fallback fonts after the built-in Noto fonts (e.g. a CJK font). */
    fallbackFonts: z.array(z.string().min(1)).default([]),
  })
  .strict();
export type ReportOptions = z.infer<typeof ZReportOptions>;
export type ReportOptionsInput = z.input<typeof ZReportOptions>;
