CREATE TABLE `won_days` (
	`team_id` text NOT NULL,
	`phase_idx` integer NOT NULL,
	`owner_id` text NOT NULL,
	`day` integer NOT NULL,
	`close` integer NOT NULL,
	`n` integer DEFAULT 0 NOT NULL,
	PRIMARY KEY(`team_id`, `phase_idx`, `owner_id`, `day`, `close`),
	FOREIGN KEY (`team_id`) REFERENCES `teams`(`id`) ON UPDATE no action ON DELETE no action
) WITHOUT ROWID;--> statement-breakpoint
-- WITHOUT ROWID (added by hand: drizzle's schema cannot say it): the key is the table's order, so a year of a phase's
-- wins is one range of pages holding the counts too, with no second index to keep.
-- The pipeline phases are shared/phases.ts's PIPELINE_PHASES (negotiation 3, closing 4); tests/server/cohort-counts.test.ts
-- holds these literals to that list. Counts go up and down by upserts, so the order in which the triggers of one write
-- fire (won_at is set by migration 0009's triggers after the reach is written) cannot lose a step.
INSERT INTO `won_days` (`team_id`, `phase_idx`, `owner_id`, `day`, `close`, `n`)
SELECT r.`team_id`, r.`phase_idx`, CASE w.`all` WHEN 1 THEN '*' ELSE coalesce(r.`owner_id`, '') END, r.`at` / 86400000, r.`won_at` - r.`at`, count(*)
FROM `phase_reaches` r CROSS JOIN (SELECT 0 AS `all` UNION ALL SELECT 1) w
WHERE r.`won_at` IS NOT NULL AND r.`phase_idx` IN (3, 4)
GROUP BY 1, 2, 3, 4, 5;--> statement-breakpoint
CREATE TRIGGER `won_days_after_insert` AFTER INSERT ON `phase_reaches` BEGIN
  INSERT INTO `won_days` (`team_id`, `phase_idx`, `owner_id`, `day`, `close`, `n`)
  SELECT NEW.`team_id`, NEW.`phase_idx`, o.`id`, NEW.`at` / 86400000, NEW.`won_at` - NEW.`at`, 1 FROM (SELECT coalesce(NEW.`owner_id`, '') AS `id` UNION ALL SELECT '*') o
  WHERE NEW.`won_at` IS NOT NULL AND NEW.`phase_idx` IN (3, 4)
  ON CONFLICT (`team_id`, `phase_idx`, `owner_id`, `day`, `close`) DO UPDATE SET `n` = `n` + excluded.`n`;
END;--> statement-breakpoint
CREATE TRIGGER `won_days_after_delete` AFTER DELETE ON `phase_reaches` BEGIN
  INSERT INTO `won_days` (`team_id`, `phase_idx`, `owner_id`, `day`, `close`, `n`)
  SELECT OLD.`team_id`, OLD.`phase_idx`, o.`id`, OLD.`at` / 86400000, OLD.`won_at` - OLD.`at`, -1 FROM (SELECT coalesce(OLD.`owner_id`, '') AS `id` UNION ALL SELECT '*') o
  WHERE OLD.`won_at` IS NOT NULL AND OLD.`phase_idx` IN (3, 4)
  ON CONFLICT (`team_id`, `phase_idx`, `owner_id`, `day`, `close`) DO UPDATE SET `n` = `n` + excluded.`n`;
END;--> statement-breakpoint
CREATE TRIGGER `won_days_after_update` AFTER UPDATE OF `team_id`, `owner_id`, `phase_idx`, `at`, `won_at` ON `phase_reaches`
WHEN OLD.`team_id` IS NOT NEW.`team_id` OR OLD.`owner_id` IS NOT NEW.`owner_id` OR OLD.`phase_idx` IS NOT NEW.`phase_idx` OR OLD.`at` IS NOT NEW.`at` OR OLD.`won_at` IS NOT NEW.`won_at` BEGIN
  INSERT INTO `won_days` (`team_id`, `phase_idx`, `owner_id`, `day`, `close`, `n`)
  SELECT OLD.`team_id`, OLD.`phase_idx`, o.`id`, OLD.`at` / 86400000, OLD.`won_at` - OLD.`at`, -1 FROM (SELECT coalesce(OLD.`owner_id`, '') AS `id` UNION ALL SELECT '*') o
  WHERE OLD.`won_at` IS NOT NULL AND OLD.`phase_idx` IN (3, 4)
  ON CONFLICT (`team_id`, `phase_idx`, `owner_id`, `day`, `close`) DO UPDATE SET `n` = `n` + excluded.`n`;
  INSERT INTO `won_days` (`team_id`, `phase_idx`, `owner_id`, `day`, `close`, `n`)
  SELECT NEW.`team_id`, NEW.`phase_idx`, o.`id`, NEW.`at` / 86400000, NEW.`won_at` - NEW.`at`, 1 FROM (SELECT coalesce(NEW.`owner_id`, '') AS `id` UNION ALL SELECT '*') o
  WHERE NEW.`won_at` IS NOT NULL AND NEW.`phase_idx` IN (3, 4)
  ON CONFLICT (`team_id`, `phase_idx`, `owner_id`, `day`, `close`) DO UPDATE SET `n` = `n` + excluded.`n`;
END;
