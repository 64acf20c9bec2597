CREATE TABLE `account_counts` (
	`team_id` text NOT NULL,
	`phase` text NOT NULL,
	`owner_id` text DEFAULT '' NOT NULL,
	`currency` text DEFAULT '' NOT NULL,
	`accounts` integer DEFAULT 0 NOT NULL,
	`gaps` integer DEFAULT 0 NOT NULL,
	`amount` real DEFAULT 0 NOT NULL,
	FOREIGN KEY (`team_id`) REFERENCES `teams`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `account_counts_key` ON `account_counts` (`team_id`,`phase`,`owner_id`,`currency`);--> statement-breakpoint
DROP INDEX `accounts_team_phase_owner`;--> statement-breakpoint
DROP INDEX `accounts_team_last_activity`;--> statement-breakpoint
CREATE INDEX `accounts_team_last_activity` ON `accounts` (`team_id`,`last_activity_at`,`phase`,`archived_at`,`created_at`,`owner_id`,`phase_since`);--> statement-breakpoint
-- account_counts from the accounts written so far, then kept by the triggers below whichever code writes an account
INSERT INTO `account_counts` (`team_id`, `phase`, `owner_id`, `currency`, `accounts`, `gaps`, `amount`)
SELECT `team_id`, `phase`, coalesce(`owner_id`, ''), CASE WHEN `latest_quote_at` IS NULL THEN '' ELSE coalesce(`latest_quote_currency`, 'EUR') END,
       count(*), sum(coalesce(`checklist_gaps`, 0)), sum(CASE WHEN `latest_quote_at` IS NULL THEN 0 ELSE coalesce(`latest_quote_amount`, 0) END)
FROM `accounts` WHERE `archived_at` IS NULL GROUP BY 1, 2, 3, 4;--> statement-breakpoint
CREATE TRIGGER `account_counts_after_insert` AFTER INSERT ON `accounts` WHEN NEW.`archived_at` IS NULL BEGIN
  INSERT INTO `account_counts` (`team_id`, `phase`, `owner_id`, `currency`, `accounts`, `gaps`, `amount`)
  VALUES (NEW.`team_id`, NEW.`phase`, coalesce(NEW.`owner_id`, ''), CASE WHEN NEW.`latest_quote_at` IS NULL THEN '' ELSE coalesce(NEW.`latest_quote_currency`, 'EUR') END,
          1, coalesce(NEW.`checklist_gaps`, 0), CASE WHEN NEW.`latest_quote_at` IS NULL THEN 0 ELSE coalesce(NEW.`latest_quote_amount`, 0) END)
  ON CONFLICT (`team_id`, `phase`, `owner_id`, `currency`) DO UPDATE SET `accounts` = `accounts` + 1, `gaps` = `gaps` + excluded.`gaps`, `amount` = `amount` + excluded.`amount`;
END;--> statement-breakpoint
CREATE TRIGGER `account_counts_after_delete` AFTER DELETE ON `accounts` WHEN OLD.`archived_at` IS NULL BEGIN
  UPDATE `account_counts` SET `accounts` = `accounts` - 1, `gaps` = `gaps` - coalesce(OLD.`checklist_gaps`, 0),
         `amount` = `amount` - CASE WHEN OLD.`latest_quote_at` IS NULL THEN 0 ELSE coalesce(OLD.`latest_quote_amount`, 0) END
  WHERE `team_id` = OLD.`team_id` AND `phase` = OLD.`phase` AND `owner_id` = coalesce(OLD.`owner_id`, '')
    AND `currency` = CASE WHEN OLD.`latest_quote_at` IS NULL THEN '' ELSE coalesce(OLD.`latest_quote_currency`, 'EUR') END;
END;--> statement-breakpoint
CREATE TRIGGER `account_counts_after_update` AFTER UPDATE OF `team_id`, `phase`, `owner_id`, `archived_at`, `checklist_gaps`, `latest_quote_at`, `latest_quote_currency`, `latest_quote_amount` ON `accounts` BEGIN
  UPDATE `account_counts` SET `accounts` = `accounts` - 1, `gaps` = `gaps` - coalesce(OLD.`checklist_gaps`, 0),
         `amount` = `amount` - CASE WHEN OLD.`latest_quote_at` IS NULL THEN 0 ELSE coalesce(OLD.`latest_quote_amount`, 0) END
  WHERE OLD.`archived_at` IS NULL AND `team_id` = OLD.`team_id` AND `phase` = OLD.`phase` AND `owner_id` = coalesce(OLD.`owner_id`, '')
    AND `currency` = CASE WHEN OLD.`latest_quote_at` IS NULL THEN '' ELSE coalesce(OLD.`latest_quote_currency`, 'EUR') END;
  INSERT INTO `account_counts` (`team_id`, `phase`, `owner_id`, `currency`, `accounts`, `gaps`, `amount`)
  SELECT NEW.`team_id`, NEW.`phase`, coalesce(NEW.`owner_id`, ''), CASE WHEN NEW.`latest_quote_at` IS NULL THEN '' ELSE coalesce(NEW.`latest_quote_currency`, 'EUR') END,
         1, coalesce(NEW.`checklist_gaps`, 0), CASE WHEN NEW.`latest_quote_at` IS NULL THEN 0 ELSE coalesce(NEW.`latest_quote_amount`, 0) END
  WHERE NEW.`archived_at` IS NULL
  ON CONFLICT (`team_id`, `phase`, `owner_id`, `currency`) DO UPDATE SET `accounts` = `accounts` + 1, `gaps` = `gaps` + excluded.`gaps`, `amount` = `amount` + excluded.`amount`;
END;
