// Fictitious people for the demo: 18 regional advisors whose regions together cover every
// municipality of the newest register exactly once, and one contact per invited municipality.
// All names are made up; every address is at example.org.
import type { Municipality } from '../register/register.load.ts';
import { fork, pickOne } from './rng.ts';

export const DEMO_ADVISOR_DOMAIN = 'adviseurs.example.org';
export const DEMO_CONTACT_DOMAIN = 'gemeente.example.org';
export const ADVISOR_COUNT = 18;

export type DemoAdvisor = { name: string; email: string; phone: string; municipalities: string[] };
export type DemoContact = { edition: number; municipality: string; name: string; email: string; function: string; phone: string };

const ADVISOR_NAMES = [
  'Anouk de Wilde', 'Bram Kooistra', 'Carla Verbeek', 'Daan Hofstede', 'Esther Yilmaz', 'Frank Brouwers',
  'Gerda Scholten', 'Hamid El Idrissi', 'Ilse van Dam', 'Joost Meulenbelt', 'Karin Oudshoorn', 'Lars Timmers',
  'Mieke Rozendaal', 'Noor Bakker', 'Olaf Zwart', 'Petra Lindeman', 'Ruud Veldkamp', 'Sanne Willemsen',
];
const FIRST = ['Anna', 'Bas', 'Chantal', 'Dirk', 'Eva', 'Fleur', 'Gijs', 'Hanna', 'Iris', 'Jan', 'Kim', 'Lotte', 'Mark', 'Nina', 'Otto', 'Pien', 'Rik', 'Sara', 'Tom', 'Vera', 'Wouter', 'Yara'];
const LAST = ['Jansen', 'de Vries', 'van den Berg', 'Visser', 'Smit', 'Meijer', 'de Boer', 'Mulder', 'de Groot', 'Bos', 'Vos', 'Peters', 'Hendriks', 'Dekker', 'Brouwer', 'Kok', 'Prins', 'Huisman'];
const FUNCTIONS = ['Beleidsadviseur Wmo', 'Beleidsmedewerker sociaal domein', 'Projectleider eenzaamheid', 'Beleidsadviseur ouderen', 'Coördinator welzijn'];

const slug = (s: string) => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z]+/g, '.').replace(/^\.|\.$/g, '');

/**
 * Advisors per province in proportion to its number of municipalities (every province at least
 * one, largest remainders first), each province's municipalities split alphabetically.
 */
export function demoAdvisors(register: readonly Municipality[]): DemoAdvisor[] {
  const byProvince = new Map<string, Municipality[]>();
  for (const m of register) byProvince.set(m.provinceCode, [...(byProvince.get(m.provinceCode) ?? []), m]);
  const provinces = [...byProvince.keys()].sort();
  const seats = new Map(provinces.map((p) => [p, 1]));
  for (let left = ADVISOR_COUNT - provinces.length; left > 0; left--) {
    // D'Hondt: the next advisor goes where municipalities per advisor is highest.
    const next = provinces.reduce((a, b) =>
      (byProvince.get(b)?.length ?? 0) / (seats.get(b) ?? 1) > (byProvince.get(a)?.length ?? 0) / (seats.get(a) ?? 1) ? b : a);
    seats.set(next, (seats.get(next) ?? 1) + 1);
  }
  const advisors: DemoAdvisor[] = [];
  for (const p of provinces) {
    const list = [...(byProvince.get(p) ?? [])].sort((a, b) => a.name.localeCompare(b.name, 'nl'));
    const k = seats.get(p) ?? 1;
    for (let i = 0; i < k; i++) {
      const name = ADVISOR_NAMES[advisors.length];
      const part = list.slice(Math.floor((i * list.length) / k), Math.floor(((i + 1) * list.length) / k));
      advisors.push({
        name,
        email: `${slug(name)}@${DEMO_ADVISOR_DOMAIN}`,
        phone: `06-${String(20000000 + advisors.length * 1371357).slice(0, 8)}`,
        municipalities: part.map((m) => m.code),
      });
    }
  }
  return advisors;
}

/** One fictitious official per invited municipality and edition (the same person over the years). */
export function demoContacts(invitations: readonly { edition: number; municipality: string }[], seed: number): DemoContact[] {
  return invitations.map(({ edition, municipality }) => {
    const rng = fork(seed, `contact:${municipality}`);
    const name = `${pickOne(rng, FIRST)} ${pickOne(rng, LAST)}`;
    return {
      edition,
      municipality,
      name,
      email: `${slug(name)}.${municipality.toLowerCase()}@${DEMO_CONTACT_DOMAIN}`,
      function: pickOne(rng, FUNCTIONS),
      phone: `0${municipality.slice(3, 5)}-${municipality.slice(2)}${String(Math.floor(rng() * 900) + 100)}`,
    };
  });
}
