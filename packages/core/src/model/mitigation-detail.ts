import type { Mitigation } from './records';

/**
 * What a mitigation's description adds to its title, so lists print
 * "title — detail" without saying the title twice: a description whose first
 * line is the title (as Threat Dragon imports make them) gives the lines after
 * it. Without a title the description is what lists print as the title: no detail.
 */
export function mitigationDetail(m: Pick<Mitigation, 'title' | 'description'>): string {
  const description = m.description.trim();
  const title = m.title.trim();
  if (title === '' || description === title) return '';
  const [first = '', ...rest] = description.split(/\r?\n/);
  return first.trim() === title ? rest.join('\n').trim() : description;
}
