/**
 * What each dashboard figure means, in the words of the phase model
 * (../docs/phase-model.md), in Dutch and English: shown on hover and focus
 * (`title`) so that nobody has to guess what "coverage 71 %" counts.
 */
import type { Label } from '../../shared/phases';

export const DEFINITIONS: Record<string, Label> = {
  selection: {
    en: 'The accounts of one selection or source that came in during the period (its size is the first column), and how many of them reached each phase since.',
    nl: 'De accounts van één selectie of bron die in de periode binnenkwamen (de eerste kolom is de omvang), en hoeveel daarvan sindsdien elke fase bereikten.',
  },
  leak: {
    en: 'A step that loses accounts: conversion of the accounts that reached the phase in the period, against the 12 months before (and, for one account manager, against the team), plus the open accounts waiting longer than the phase usually takes (its stale threshold, at least 7 days).',
    nl: 'Een stap die accounts verliest: conversie van de accounts die de fase in de periode bereikten, tegenover de 12 maanden ervoor (en, voor één accountmanager, tegenover het team), plus de open accounts die langer wachten dan de fase gewoonlijk duurt (de drempel voor stilstand, minstens 7 dagen).',
  },
  forecast: {
    en: 'Expected revenue per month: each open quote (negotiation, closing) times the share of accounts in its phase that became customer over the last 12 months, spread over the months in which those customers closed. The range is the 80 % interval of that share.',
    nl: 'Verwachte omzet per maand: elke open offerte (onderhandeling, afsluiting) maal het aandeel accounts in die fase dat de afgelopen 12 maanden klant werd, verdeeld over de maanden waarin die klanten afsloten. De bandbreedte is het 80%-interval van dat aandeel.',
  },
  reached: {
    en: 'Accounts that entered this phase in the period, skipped phases included.',
    nl: 'Accounts die in de periode deze fase bereikten, overgeslagen fasen meegeteld.',
  },
  'rep-conversion': {
    en: 'Per account manager: of the accounts that reached each phase in the period under them, the share that reached a later phase by the end of the period (the funnel’s conversion, per rep).',
    nl: 'Per accountmanager: van de accounts die in de periode onder hen elke fase bereikten, het aandeel dat vóór het eind van de periode een latere fase bereikte (de conversie van de trechter, per accountmanager).',
  },
  'garbage-in': {
    en: 'How complete the data behind the figures is, now: per phase and per account manager, the share of checklist items filled in for the accounts’ current phase, and the share of accounts in phases 2 to 5 with an activity in the last 14 days.',
    nl: 'Hoe volledig de gegevens achter de cijfers nu zijn: per fase en per accountmanager het aandeel ingevulde checklistpunten voor de huidige fase van de accounts, en het aandeel accounts in fase 2 tot 5 met een activiteit in de laatste 14 dagen.',
  },
  coverage: {
    en: 'Share of accounts in phases 2 to 5 with an activity in the last 14 days (now, not the period).',
    nl: 'Aandeel accounts in fase 2 tot 5 met een activiteit in de laatste 14 dagen (nu, niet de periode).',
  },
  evidence: {
    en: 'Share of phase changes in the period backed by an evidence activity.',
    nl: 'Aandeel fasewijzigingen in de periode met een bewijsactiviteit.',
  },
  velocity: {
    en: 'Median days from suspect to customer for accounts that became customer in the period.',
    nl: 'Mediaan aantal dagen van suspect tot klant, voor accounts die in de periode klant werden.',
  },
  'win-rate': {
    en: 'Of the accounts that reached negotiation (a quote) in the period, the share that reached customer.',
    nl: 'Van de accounts die in de periode onderhandeling bereikten (een offerte), het aandeel dat klant werd.',
  },
  pipeline: {
    en: 'Sum of the latest quote amounts of accounts now in negotiation and closing (now, not the period).',
    nl: 'Som van de laatste offertebedragen van accounts nu in onderhandeling en afsluiting (nu, niet de periode).',
  },
  stale: {
    en: 'Longer in its phase than 75 % of the team’s stays there ended in over the last 12 months (at least 7 days), or no activity for 30 days. Now, not the period.',
    nl: 'Langer in de fase dan 75 % van de verblijven van het team daar de afgelopen 12 maanden duurde (minstens 7 dagen), of 30 dagen zonder activiteit. Nu, niet de periode.',
  },
  'capture-health': {
    en: 'Share of LinkedIn captures where the page gave the field, last 7 and 30 days.',
    nl: 'Aandeel LinkedIn-vastleggingen waarin de pagina het veld gaf, laatste 7 en 30 dagen.',
  },
};
