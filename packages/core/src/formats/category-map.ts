import { CATEGORIES, type Methodology } from '../model/keys';
import { CATEGORY_LABELS } from '../model/labels';

type Coded = Exclude<Methodology, 'generic'>;

/**
 * Threat Dragon's threat-type keys (`threats.model.<methodology>.<key>` in its
 * i18n files) and the Threatloom category each stands for, in Threat Dragon's order.
 */
const TD_KEYS: Record<Coded, Record<string, string>> = {
  stride: {
    spoofing: 'spoofing',
    tampering: 'tampering',
    repudiation: 'repudiation',
    informationDisclosure: 'information-disclosure',
    denialOfService: 'denial-of-service',
    elevationOfPrivilege: 'elevation-of-privilege',
  },
  linddun: {
    linkability: 'linking',
    identifiability: 'identifying',
    nonRepudiation: 'non-repudiation',
    detectability: 'detecting',
    disclosureOfInformation: 'data-disclosure',
    unawareness: 'unawareness',
    nonCompliance: 'non-compliance',
  },
  cia: { confidentiality: 'confidentiality', integrity: 'integrity', availability: 'availability' },
  die: { distributed: 'distributed', immutable: 'immutable', ephemeral: 'ephemeral' },
  plot4ai: {
    techniqueProcesses: 'technique-processes',
    accessibility: 'accessibility',
    identifiabilityLinkability: 'identifiability-linkability',
    security: 'security',
    safety: 'safety',
    unawareness: 'unawareness',
    ethicsHumanRights: 'ethics-human-rights',
    nonCompliance: 'non-compliance',
  },
};

/**
 * Display text Threat Dragon stored as a threat's `type`, per UI language
 * (copied from Threat Dragon's td.vue/src/i18n en, de, fr, es, zh and ja files).
 * English is also what the exporter writes. Languages whose labels equal the
 * English ones (pt, ru, and most DIE/PLOT4ai labels) need no entry.
 */
const TD_LABELS: Record<string, Partial<Record<Coded, Record<string, string>>>> = {
  en: {
    stride: {
      spoofing: 'Spoofing',
      tampering: 'Tampering',
      repudiation: 'Repudiation',
      informationDisclosure: 'Information disclosure',
      denialOfService: 'Denial of service',
      elevationOfPrivilege: 'Elevation of privilege',
    },
    linddun: {
      linkability: 'Linkability',
      identifiability: 'Identifiability',
      nonRepudiation: 'Non-repudiation',
      detectability: 'Detectability',
      disclosureOfInformation: 'Disclosure of information',
      unawareness: 'Unawareness',
      nonCompliance: 'Non-compliance',
    },
    cia: {
      confidentiality: 'Confidentiality',
      integrity: 'Integrity',
      availability: 'Availability',
    },
    die: { distributed: 'Distributed', immutable: 'Immutable', ephemeral: 'Ephemeral' },
    plot4ai: {
      techniqueProcesses: 'Technique & Processes',
      accessibility: 'Accessibility',
      identifiabilityLinkability: 'Identifiability & Linkability',
      security: 'Security',
      safety: 'Safety',
      unawareness: 'Unawareness',
      ethicsHumanRights: 'Ethics & Human Rights',
      nonCompliance: 'Non-compliance',
    },
  },
  de: {
    stride: {
      tampering: 'Manipulation',
      repudiation: 'Nichtanerkennung',
      informationDisclosure: 'Veröffentlichung von Informationen',
      elevationOfPrivilege: 'Erhöhung von Rechten',
    },
    cia: {
      confidentiality: 'Vertraulichkeit',
      integrity: 'Integrität',
      availability: 'Verfügbarkeit',
    },
  },
  fr: {
    stride: {
      spoofing: "Usurpation d'identité",
      tampering: 'Falsification',
      repudiation: 'Répudiation',
      informationDisclosure: "Divulgation d'information",
      denialOfService: 'Déni de service',
      elevationOfPrivilege: 'Élévation de privilège',
    },
    linddun: {
      linkability: 'Capacité de liaison',
      identifiability: 'Identifiabilité',
      nonRepudiation: 'Non-répudiation',
      detectability: 'Détectabilité',
      disclosureOfInformation: "Divulgation d'information",
      unawareness: 'Inconscience',
      nonCompliance: 'Non-conformité',
    },
    cia: {
      confidentiality: 'Confidentialité',
      integrity: 'Intégrité',
      availability: 'Disponibilité',
    },
  },
  zh: {
    stride: {
      spoofing: '欺骗',
      tampering: '篡改',
      repudiation: '否认',
      informationDisclosure: '信息泄露',
      denialOfService: '拒绝服务',
      elevationOfPrivilege: '权限提升',
    },
    linddun: {
      linkability: '可链接性',
      identifiability: '可识别性',
      nonRepudiation: '不可否认性',
      detectability: '可检测性',
      disclosureOfInformation: '信息泄露',
      unawareness: '不知情',
      nonCompliance: '不合规',
    },
    cia: { confidentiality: '机密性', integrity: '完整性', availability: '可用性' },
    die: { distributed: '分布式', immutable: '不可变性', ephemeral: '短暂性' },
    plot4ai: {
      techniqueProcesses: '技术 & 过程',
      accessibility: '可访问性',
      identifiabilityLinkability: '可识别性 & 可链接性',
      security: '信息安全',
      safety: '系统安全',
      unawareness: '不知情',
      ethicsHumanRights: '伦理 & 人权',
      nonCompliance: '不合格',
    },
  },
  ja: {
    stride: {
      spoofing: 'なりすまし',
      tampering: '改竄',
      repudiation: '否認',
      informationDisclosure: '情報漏洩',
      denialOfService: 'サービス拒否',
      elevationOfPrivilege: '特権の昇格',
    },
    cia: { confidentiality: '機密性', integrity: '完全性', availability: '可用性' },
    die: { distributed: '分散化', immutable: '不変', ephemeral: '一時的' },
  },
  es: {
    // Spanish labels carry both languages ("Tampering / Manipulación"); each half is matched too.
    stride: {
      spoofing: 'Spoofing / Spoofing',
      tampering: 'Tampering / Manipulación',
      repudiation: 'Repudiation / Repudiación',
      informationDisclosure: 'Information disclosure / Brecha de información',
      denialOfService: 'Denial of service / Denegación de servicio',
      elevationOfPrivilege: 'Elevation of privilege / Elevación de privilegios',
    },
    linddun: {
      linkability: 'Linkability / Facilidad de vinculación',
      identifiability: 'Identifiability / Identificabilidad',
      nonRepudiation: 'Non-repudiation / No-repudiación',
      detectability: 'Detectability / Detectabilidad',
      disclosureOfInformation: 'Disclosure of information / Brecha de información',
      unawareness: 'Unawareness / Falta de Conciencia',
      nonCompliance: 'Non-compliance / Incumplimiento',
    },
    cia: {
      confidentiality: 'Confidentiality - Confidencialidad',
      integrity: 'Integrity - Integridad',
      availability: 'Availability - Disponibilidad',
    },
  },
};

interface Candidate {
  methodology: Coded;
  category: string;
}

const normLabel = (s: string) =>
  s
    .normalize('NFC')
    .toLowerCase()
    .replace(/[\s'’_-]+/g, '');

const LOOKUP = new Map<string, Candidate[]>();
function add(text: string, candidate: Candidate): void {
  const key = normLabel(text);
  if (!key) return;
  const list = LOOKUP.get(key) ?? [];
  if (
    !list.some((c) => c.methodology === candidate.methodology && c.category === candidate.category)
  )
    list.push(candidate);
  LOOKUP.set(key, list);
}
for (const methodology of Object.keys(TD_KEYS) as Coded[]) {
  for (const [tdKey, category] of Object.entries(TD_KEYS[methodology])) {
    const candidate = { methodology, category };
    add(tdKey, candidate);
    add(category, candidate);
    add(CATEGORY_LABELS[category] ?? category, candidate);
    for (const labels of Object.values(TD_LABELS)) {
      const label = labels[methodology]?.[tdKey];
      if (!label) continue;
      add(label, candidate);
      for (const half of label.split(/ \/ | - /)) add(half, candidate);
    }
  }
}

/**
 * The category key for a threat type label in any Threat Dragon UI language,
 * or a category key. Labels shared by two methodologies (French "Divulgation
 * d'information" is both STRIDE and LINDDUN) resolve to the one of `methodology`.
 * Returns undefined when the label is unknown.
 */
export function parseThreatType(label: string, methodology: Methodology): string | undefined {
  const candidates = LOOKUP.get(normLabel(label));
  if (!candidates) return undefined;
  return (candidates.find((c) => c.methodology === methodology) ?? candidates[0])!.category;
}

/** The category used when a label is unknown: the methodology's first category (STRIDE's for generic diagrams). */
export function fallbackCategory(methodology: Methodology): string {
  return CATEGORIES[methodology === 'generic' ? 'stride' : methodology][0];
}

/** Which methodology a category key belongs to, preferring `methodology` when the key is shared. */
function methodologyOf(category: string, methodology: Methodology): Coded {
  if (
    methodology !== 'generic' &&
    (CATEGORIES[methodology] as readonly string[]).includes(category)
  )
    return methodology;
  return (
    (Object.keys(CATEGORIES) as Coded[]).find((m) =>
      (CATEGORIES[m] as readonly string[]).includes(category),
    ) ?? 'stride'
  );
}

/** The English Threat Dragon label for a category key (what Threat Dragon's English UI stores). */
export function threatDragonTypeLabel(category: string, methodology: Methodology): string {
  const m = methodologyOf(category, methodology);
  const tdKey = Object.entries(TD_KEYS[m]).find(([, c]) => c === category)?.[0];
  return (tdKey && TD_LABELS.en![m]?.[tdKey]) ?? CATEGORY_LABELS[category] ?? category;
}

/** Threat Dragon's `diagramType` / `modelType` text per methodology. */
export const TD_DIAGRAM_TYPES: Record<Methodology, string> = {
  stride: 'STRIDE',
  linddun: 'LINDDUN',
  cia: 'CIA',
  die: 'DIE',
  plot4ai: 'PLOT4ai',
  generic: 'Generic',
};

/** The methodology for a Threat Dragon `diagramType`, or undefined when unknown. */
export function parseDiagramType(text: string): Methodology | undefined {
  const t = text.trim().toLowerCase();
  return (Object.keys(TD_DIAGRAM_TYPES) as Methodology[]).find(
    (m) => TD_DIAGRAM_TYPES[m].toLowerCase() === t || m === t,
  );
}
