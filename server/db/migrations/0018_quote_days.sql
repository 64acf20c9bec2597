CREATE TABLE `quote_days` (
	`team_id` text NOT NULL,
	`phase` text NOT NULL,
	`owner_id` text NOT NULL,
	`day` integer NOT NULL,
	`currency` text NOT NULL,
	`n` integer DEFAULT 0 NOT NULL,
	`amount` real DEFAULT 0 NOT NULL,
	PRIMARY KEY(`team_id`, `phase`, `owner_id`, `day`, `currency`),
	FOREIGN KEY (`team_id`) REFERENCES `teams`(`id`) ON UPDATE no action ON DELETE no action
) WITHOUT ROWID;--> statement-breakpoint
-- WITHOUT ROWID by hand, as won_days (0017). The pipeline phases are shared/phases.ts's PIPELINE_PHASES, held to these
-- literals by tests/server/account-counts.test.ts. Counts and sums go up and down by upserts, as in won_days.
INSERT INTO `quote_days` (`team_id`, `phase`, `owner_id`, `day`, `currency`, `n`, `amount`)
SELECT a.`team_id`, a.`phase`, CASE w.`all` WHEN 1 THEN '*' ELSE coalesce(a.`owner_id`, '') END, CAST(a.`phase_since` / 86400000 AS INTEGER),
       coalesce(a.`latest_quote_currency`, 'EUR'), count(*), sum(a.`latest_quote_amount`)
FROM `accounts` a CROSS JOIN (SELECT 0 AS `all` UNION ALL SELECT 1) w
WHERE a.`archived_at` IS NULL AND a.`latest_quote_amount` IS NOT NULL AND a.`phase` IN ('negotiation', 'closing')
GROUP BY 1, 2, 3, 4, 5;--> statement-breakpoint
CREATE TRIGGER `quote_days_after_insert` AFTER INSERT ON `accounts` BEGIN
  INSERT INTO `quote_days` (`team_id`, `phase`, `owner_id`, `day`, `currency`, `n`, `amount`)
  SELECT NEW.`team_id`, NEW.`phase`, o.`id`, CAST(NEW.`phase_since` / 86400000 AS INTEGER), coalesce(NEW.`latest_quote_currency`, 'EUR'), 1, NEW.`latest_quote_amount`
  FROM (SELECT coalesce(NEW.`owner_id`, '') AS `id` UNION ALL SELECT '*') o
  WHERE NEW.`archived_at` IS NULL AND NEW.`latest_quote_amount` IS NOT NULL AND NEW.`phase` IN ('negotiation', 'closing')
  ON CONFLICT (`team_id`, `phase`, `owner_id`, `day`, `currency`) DO UPDATE SET `n` = `n` + excluded.`n`, `amount` = `amount` + excluded.`amount`;
END;--> statement-breakpoint
CREATE TRIGGER `quote_days_after_delete` AFTER DELETE ON `accounts` BEGIN
  INSERT INTO `quote_days` (`team_id`, `phase`, `owner_id`, `day`, `currency`, `n`, `amount`)
  SELECT OLD.`team_id`, OLD.`phase`, o.`id`, CAST(OLD.`phase_since` / 86400000 AS INTEGER), coalesce(OLD.`latest_quote_currency`, 'EUR'), -1, -OLD.`latest_quote_amount`
  FROM (SELECT coalesce(OLD.`owner_id`, '') AS `id` UNION ALL SELECT '*') o
  WHERE OLD.`archived_at` IS NULL AND OLD.`latest_quote_amount` IS NOT NULL AND OLD.`phase` IN ('negotiation', 'closing')
  ON CONFLICT (`team_id`, `phase`, `owner_id`, `day`, `currency`) DO UPDATE SET `n` = `n` + excluded.`n`, `amount` = `amount` + excluded.`amount`;
END;--> statement-breakpoint
CREATE TRIGGER `quote_days_after_update` AFTER UPDATE OF `team_id`, `phase`, `phase_since`, `owner_id`, `archived_at`, `latest_quote_amount`, `latest_quote_currency` ON `accounts`
WHEN (OLD.`team_id` IS NOT NEW.`team_id` OR OLD.`phase` IS NOT NEW.`phase` OR OLD.`phase_since` IS NOT NEW.`phase_since` OR OLD.`owner_id` IS NOT NEW.`owner_id` OR OLD.`archived_at` IS NOT NEW.`archived_at` OR OLD.`latest_quote_amount` IS NOT NEW.`latest_quote_amount` OR OLD.`latest_quote_currency` IS NOT NEW.`latest_quote_currency`)
  AND (OLD.`phase` IN ('negotiation', 'closing') OR NEW.`phase` IN ('negotiation', 'closing')) BEGIN
  INSERT INTO `quote_days` (`team_id`, `phase`, `owner_id`, `day`, `currency`, `n`, `amount`)
  SELECT OLD.`team_id`, OLD.`phase`, o.`id`, CAST(OLD.`phase_since` / 86400000 AS INTEGER), coalesce(OLD.`latest_quote_currency`, 'EUR'), -1, -OLD.`latest_quote_amount`
  FROM (SELECT coalesce(OLD.`owner_id`, '') AS `id` UNION ALL SELECT '*') o
  WHERE OLD.`archived_at` IS NULL AND OLD.`latest_quote_amount` IS NOT NULL AND OLD.`phase` IN ('negotiation', 'closing')
  ON CONFLICT (`team_id`, `phase`, `owner_id`, `day`, `currency`) DO UPDATE SET `n` = `n` + excluded.`n`, `amount` = `amount` + excluded.`amount`;
  INSERT INTO `quote_days` (`team_id`, `phase`, `owner_id`, `day`, `currency`, `n`, `amount`)
  SELECT NEW.`team_id`, NEW.`phase`, o.`id`, CAST(NEW.`phase_since` / 86400000 AS INTEGER), coalesce(NEW.`latest_quote_currency`, 'EUR'), 1, NEW.`latest_quote_amount`
  FROM (SELECT coalesce(NEW.`owner_id`, '') AS `id` UNION ALL SELECT '*') o
  WHERE NEW.`archived_at` IS NULL AND NEW.`latest_quote_amount` IS NOT NULL AND NEW.`phase` IN ('negotiation', 'closing')
  ON CONFLICT (`team_id`, `phase`, `owner_id`, `day`, `currency`) DO UPDATE SET `n` = `n` + excluded.`n`, `amount` = `amount` + excluded.`amount`;
END;
