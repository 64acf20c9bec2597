CREATE TABLE `account_days` (
	`team_id` text NOT NULL,
	`kind` text NOT NULL,
	`phase` text NOT NULL,
	`owner_id` text NOT NULL,
	`day` integer NOT NULL,
	`n` integer DEFAULT 0 NOT NULL,
	FOREIGN KEY (`team_id`) REFERENCES `teams`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `account_days_key` ON `account_days` (`team_id`,`kind`,`phase`,`owner_id`,`day`);--> statement-breakpoint
CREATE INDEX `accounts_team_review` ON `accounts` (`team_id`,`last_review_at`,`phase`,`archived_at`,`created_at`,`owner_id`) WHERE "accounts"."last_review_at" is not null;--> statement-breakpoint
-- account_days from the accounts written so far, then kept by the triggers below whichever code writes an account.
-- The care phases are shared/phases.ts's CARE_PHASES (customer and after); tests/server/account-counts.test.ts recounts them by that list.
INSERT INTO `account_days` (`team_id`, `kind`, `phase`, `owner_id`, `day`, `n`)
SELECT a.`team_id`, 'since', a.`phase`, CASE w.`all` WHEN 1 THEN '*' ELSE coalesce(a.`owner_id`, '') END, CAST(a.`phase_since` / 86400000 AS INTEGER), count(*)
FROM `accounts` a CROSS JOIN (SELECT 0 AS `all` UNION ALL SELECT 1) w
WHERE a.`archived_at` IS NULL
GROUP BY 1, 2, 3, 4, 5;--> statement-breakpoint
INSERT INTO `account_days` (`team_id`, `kind`, `phase`, `owner_id`, `day`, `n`)
SELECT a.`team_id`, 'contact', a.`phase`, CASE w.`all` WHEN 1 THEN '*' ELSE coalesce(a.`owner_id`, '') END, coalesce(CAST(a.`last_activity_at` / 86400000 AS INTEGER), -1), count(*)
FROM `accounts` a CROSS JOIN (SELECT 0 AS `all` UNION ALL SELECT 1) w
WHERE a.`archived_at` IS NULL AND a.`phase` IN ('customer', 'relationship', 'ambassador')
GROUP BY 1, 2, 3, 4, 5;--> statement-breakpoint
INSERT INTO `account_days` (`team_id`, `kind`, `phase`, `owner_id`, `day`, `n`)
SELECT a.`team_id`, 'review', a.`phase`, CASE w.`all` WHEN 1 THEN '*' ELSE coalesce(a.`owner_id`, '') END, CAST(coalesce(a.`last_review_at`, a.`phase_since`) / 86400000 AS INTEGER), count(*)
FROM `accounts` a CROSS JOIN (SELECT 0 AS `all` UNION ALL SELECT 1) w
WHERE a.`archived_at` IS NULL AND a.`phase` IN ('customer', 'relationship', 'ambassador')
GROUP BY 1, 2, 3, 4, 5;--> statement-breakpoint
CREATE TRIGGER `account_days_since_after_insert` AFTER INSERT ON `accounts` BEGIN
  INSERT INTO `account_days` (`team_id`, `kind`, `phase`, `owner_id`, `day`, `n`)
  SELECT NEW.`team_id`, 'since', NEW.`phase`, o.`id`, CAST(NEW.`phase_since` / 86400000 AS INTEGER), 1 FROM (SELECT coalesce(NEW.`owner_id`, '') AS `id` UNION ALL SELECT '*') o
  WHERE NEW.`archived_at` IS NULL
  ON CONFLICT (`team_id`, `kind`, `phase`, `owner_id`, `day`) DO UPDATE SET `n` = `n` + 1;
END;--> statement-breakpoint
CREATE TRIGGER `account_days_since_after_delete` AFTER DELETE ON `accounts` BEGIN
  UPDATE `account_days` SET `n` = `n` - 1
  WHERE OLD.`archived_at` IS NULL AND `team_id` = OLD.`team_id` AND `kind` = 'since' AND `phase` = OLD.`phase`
    AND `owner_id` IN (coalesce(OLD.`owner_id`, ''), '*') AND `day` = CAST(OLD.`phase_since` / 86400000 AS INTEGER);
END;--> statement-breakpoint
CREATE TRIGGER `account_days_since_after_update` AFTER UPDATE OF `team_id`, `phase`, `phase_since`, `owner_id`, `archived_at` ON `accounts`
WHEN (OLD.`team_id` IS NOT NEW.`team_id` OR OLD.`phase` IS NOT NEW.`phase` OR OLD.`phase_since` IS NOT NEW.`phase_since` OR OLD.`owner_id` IS NOT NEW.`owner_id` OR OLD.`archived_at` IS NOT NEW.`archived_at`) BEGIN
  UPDATE `account_days` SET `n` = `n` - 1
  WHERE OLD.`archived_at` IS NULL AND `team_id` = OLD.`team_id` AND `kind` = 'since' AND `phase` = OLD.`phase`
    AND `owner_id` IN (coalesce(OLD.`owner_id`, ''), '*') AND `day` = CAST(OLD.`phase_since` / 86400000 AS INTEGER);
  INSERT INTO `account_days` (`team_id`, `kind`, `phase`, `owner_id`, `day`, `n`)
  SELECT NEW.`team_id`, 'since', NEW.`phase`, o.`id`, CAST(NEW.`phase_since` / 86400000 AS INTEGER), 1 FROM (SELECT coalesce(NEW.`owner_id`, '') AS `id` UNION ALL SELECT '*') o
  WHERE NEW.`archived_at` IS NULL
  ON CONFLICT (`team_id`, `kind`, `phase`, `owner_id`, `day`) DO UPDATE SET `n` = `n` + 1;
END;--> statement-breakpoint
CREATE TRIGGER `account_days_contact_after_insert` AFTER INSERT ON `accounts` BEGIN
  INSERT INTO `account_days` (`team_id`, `kind`, `phase`, `owner_id`, `day`, `n`)
  SELECT NEW.`team_id`, 'contact', NEW.`phase`, o.`id`, coalesce(CAST(NEW.`last_activity_at` / 86400000 AS INTEGER), -1), 1 FROM (SELECT coalesce(NEW.`owner_id`, '') AS `id` UNION ALL SELECT '*') o
  WHERE NEW.`archived_at` IS NULL AND NEW.`phase` IN ('customer', 'relationship', 'ambassador')
  ON CONFLICT (`team_id`, `kind`, `phase`, `owner_id`, `day`) DO UPDATE SET `n` = `n` + 1;
END;--> statement-breakpoint
CREATE TRIGGER `account_days_contact_after_delete` AFTER DELETE ON `accounts` BEGIN
  UPDATE `account_days` SET `n` = `n` - 1
  WHERE OLD.`archived_at` IS NULL AND OLD.`phase` IN ('customer', 'relationship', 'ambassador') AND `team_id` = OLD.`team_id` AND `kind` = 'contact' AND `phase` = OLD.`phase`
    AND `owner_id` IN (coalesce(OLD.`owner_id`, ''), '*') AND `day` = coalesce(CAST(OLD.`last_activity_at` / 86400000 AS INTEGER), -1);
END;--> statement-breakpoint
CREATE TRIGGER `account_days_contact_after_update` AFTER UPDATE OF `team_id`, `phase`, `last_activity_at`, `owner_id`, `archived_at` ON `accounts`
WHEN (OLD.`team_id` IS NOT NEW.`team_id` OR OLD.`phase` IS NOT NEW.`phase` OR OLD.`owner_id` IS NOT NEW.`owner_id` OR OLD.`archived_at` IS NOT NEW.`archived_at` OR coalesce(CAST(OLD.`last_activity_at` / 86400000 AS INTEGER), -1) IS NOT coalesce(CAST(NEW.`last_activity_at` / 86400000 AS INTEGER), -1)) AND (OLD.`phase` IN ('customer', 'relationship', 'ambassador') OR NEW.`phase` IN ('customer', 'relationship', 'ambassador')) BEGIN
  UPDATE `account_days` SET `n` = `n` - 1
  WHERE OLD.`archived_at` IS NULL AND OLD.`phase` IN ('customer', 'relationship', 'ambassador') AND `team_id` = OLD.`team_id` AND `kind` = 'contact' AND `phase` = OLD.`phase`
    AND `owner_id` IN (coalesce(OLD.`owner_id`, ''), '*') AND `day` = coalesce(CAST(OLD.`last_activity_at` / 86400000 AS INTEGER), -1);
  INSERT INTO `account_days` (`team_id`, `kind`, `phase`, `owner_id`, `day`, `n`)
  SELECT NEW.`team_id`, 'contact', NEW.`phase`, o.`id`, coalesce(CAST(NEW.`last_activity_at` / 86400000 AS INTEGER), -1), 1 FROM (SELECT coalesce(NEW.`owner_id`, '') AS `id` UNION ALL SELECT '*') o
  WHERE NEW.`archived_at` IS NULL AND NEW.`phase` IN ('customer', 'relationship', 'ambassador')
  ON CONFLICT (`team_id`, `kind`, `phase`, `owner_id`, `day`) DO UPDATE SET `n` = `n` + 1;
END;--> statement-breakpoint
CREATE TRIGGER `account_days_review_after_insert` AFTER INSERT ON `accounts` BEGIN
  INSERT INTO `account_days` (`team_id`, `kind`, `phase`, `owner_id`, `day`, `n`)
  SELECT NEW.`team_id`, 'review', NEW.`phase`, o.`id`, CAST(coalesce(NEW.`last_review_at`, NEW.`phase_since`) / 86400000 AS INTEGER), 1 FROM (SELECT coalesce(NEW.`owner_id`, '') AS `id` UNION ALL SELECT '*') o
  WHERE NEW.`archived_at` IS NULL AND NEW.`phase` IN ('customer', 'relationship', 'ambassador')
  ON CONFLICT (`team_id`, `kind`, `phase`, `owner_id`, `day`) DO UPDATE SET `n` = `n` + 1;
END;--> statement-breakpoint
CREATE TRIGGER `account_days_review_after_delete` AFTER DELETE ON `accounts` BEGIN
  UPDATE `account_days` SET `n` = `n` - 1
  WHERE OLD.`archived_at` IS NULL AND OLD.`phase` IN ('customer', 'relationship', 'ambassador') AND `team_id` = OLD.`team_id` AND `kind` = 'review' AND `phase` = OLD.`phase`
    AND `owner_id` IN (coalesce(OLD.`owner_id`, ''), '*') AND `day` = CAST(coalesce(OLD.`last_review_at`, OLD.`phase_since`) / 86400000 AS INTEGER);
END;--> statement-breakpoint
CREATE TRIGGER `account_days_review_after_update` AFTER UPDATE OF `team_id`, `phase`, `last_review_at`, `phase_since`, `owner_id`, `archived_at` ON `accounts`
WHEN (OLD.`team_id` IS NOT NEW.`team_id` OR OLD.`phase` IS NOT NEW.`phase` OR OLD.`last_review_at` IS NOT NEW.`last_review_at` OR OLD.`phase_since` IS NOT NEW.`phase_since` OR OLD.`owner_id` IS NOT NEW.`owner_id` OR OLD.`archived_at` IS NOT NEW.`archived_at`) AND (OLD.`phase` IN ('customer', 'relationship', 'ambassador') OR NEW.`phase` IN ('customer', 'relationship', 'ambassador')) BEGIN
  UPDATE `account_days` SET `n` = `n` - 1
  WHERE OLD.`archived_at` IS NULL AND OLD.`phase` IN ('customer', 'relationship', 'ambassador') AND `team_id` = OLD.`team_id` AND `kind` = 'review' AND `phase` = OLD.`phase`
    AND `owner_id` IN (coalesce(OLD.`owner_id`, ''), '*') AND `day` = CAST(coalesce(OLD.`last_review_at`, OLD.`phase_since`) / 86400000 AS INTEGER);
  INSERT INTO `account_days` (`team_id`, `kind`, `phase`, `owner_id`, `day`, `n`)
  SELECT NEW.`team_id`, 'review', NEW.`phase`, o.`id`, CAST(coalesce(NEW.`last_review_at`, NEW.`phase_since`) / 86400000 AS INTEGER), 1 FROM (SELECT coalesce(NEW.`owner_id`, '') AS `id` UNION ALL SELECT '*') o
  WHERE NEW.`archived_at` IS NULL AND NEW.`phase` IN ('customer', 'relationship', 'ambassador')
  ON CONFLICT (`team_id`, `kind`, `phase`, `owner_id`, `day`) DO UPDATE SET `n` = `n` + 1;
END;
