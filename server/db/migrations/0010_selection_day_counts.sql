CREATE TABLE `selection_days` (
	`team_id` text NOT NULL,
	`day` integer NOT NULL,
	`source` text NOT NULL,
	`phase_idx` integer NOT NULL,
	`owner_id` text DEFAULT '' NOT NULL,
	`accounts` integer DEFAULT 0 NOT NULL,
	FOREIGN KEY (`team_id`) REFERENCES `teams`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `selection_days_key` ON `selection_days` (`team_id`,`day`,`source`,`phase_idx`,`owner_id`);--> statement-breakpoint
CREATE INDEX `selection_days_sums` ON `selection_days` (`team_id`,`day`,`source`,`phase_idx`,`owner_id`,`accounts`);--> statement-breakpoint
CREATE INDEX `accounts_team_created` ON `accounts` (`team_id`,`created_at`,`source`,`owner_id`);--> statement-breakpoint
-- selection_days from the history so far: each account counted once per phase it has reached
INSERT INTO `selection_days` (`team_id`, `day`, `source`, `phase_idx`, `owner_id`, `accounts`)
SELECT a.`team_id`, a.`created_at` / 86400000, a.`source`, r.`phase_idx`, coalesce(a.`owner_id`, ''), count(*)
FROM (SELECT DISTINCT `account_id`, `phase_idx` FROM `phase_reaches`) r JOIN `accounts` a ON a.`id` = r.`account_id`
WHERE a.`source` IS NOT NULL
GROUP BY 1, 2, 3, 4, 5;--> statement-breakpoint
CREATE TRIGGER `selection_days_after_reach` AFTER INSERT ON `phase_reaches`
WHEN NOT EXISTS (SELECT 1 FROM `phase_reaches` p WHERE p.`account_id` = NEW.`account_id` AND p.`phase_idx` = NEW.`phase_idx` AND p.rowid <> NEW.rowid) BEGIN
  INSERT INTO `selection_days` (`team_id`, `day`, `source`, `phase_idx`, `owner_id`, `accounts`)
  SELECT a.`team_id`, a.`created_at` / 86400000, a.`source`, NEW.`phase_idx`, coalesce(a.`owner_id`, ''), 1 FROM `accounts` a WHERE a.`id` = NEW.`account_id` AND a.`source` IS NOT NULL
  ON CONFLICT (`team_id`, `day`, `source`, `phase_idx`, `owner_id`) DO UPDATE SET `accounts` = `accounts` + 1;
END;--> statement-breakpoint
CREATE TRIGGER `selection_days_after_reach_delete` AFTER DELETE ON `phase_reaches`
WHEN NOT EXISTS (SELECT 1 FROM `phase_reaches` p WHERE p.`account_id` = OLD.`account_id` AND p.`phase_idx` = OLD.`phase_idx`) BEGIN
  UPDATE `selection_days` SET `accounts` = `accounts` - 1
  WHERE (`team_id`, `day`, `source`, `phase_idx`, `owner_id`) = (SELECT a.`team_id`, a.`created_at` / 86400000, a.`source`, OLD.`phase_idx`, coalesce(a.`owner_id`, '') FROM `accounts` a WHERE a.`id` = OLD.`account_id`);
END;--> statement-breakpoint
CREATE TRIGGER `selection_days_after_reach_update` AFTER UPDATE OF `account_id`, `phase_idx` ON `phase_reaches` BEGIN
  UPDATE `selection_days` SET `accounts` = `accounts` - 1
  WHERE NOT EXISTS (SELECT 1 FROM `phase_reaches` p WHERE p.`account_id` = OLD.`account_id` AND p.`phase_idx` = OLD.`phase_idx`)
    AND (`team_id`, `day`, `source`, `phase_idx`, `owner_id`) = (SELECT a.`team_id`, a.`created_at` / 86400000, a.`source`, OLD.`phase_idx`, coalesce(a.`owner_id`, '') FROM `accounts` a WHERE a.`id` = OLD.`account_id`);
  INSERT INTO `selection_days` (`team_id`, `day`, `source`, `phase_idx`, `owner_id`, `accounts`)
  SELECT a.`team_id`, a.`created_at` / 86400000, a.`source`, NEW.`phase_idx`, coalesce(a.`owner_id`, ''), 1 FROM `accounts` a
  WHERE a.`id` = NEW.`account_id` AND a.`source` IS NOT NULL
    AND NOT EXISTS (SELECT 1 FROM `phase_reaches` p WHERE p.`account_id` = NEW.`account_id` AND p.`phase_idx` = NEW.`phase_idx` AND p.rowid <> NEW.rowid)
  ON CONFLICT (`team_id`, `day`, `source`, `phase_idx`, `owner_id`) DO UPDATE SET `accounts` = `accounts` + 1;
END;--> statement-breakpoint
CREATE TRIGGER `selection_days_after_account_update` AFTER UPDATE OF `source`, `owner_id`, `created_at` ON `accounts`
WHEN OLD.`source` IS NOT NEW.`source` OR OLD.`owner_id` IS NOT NEW.`owner_id` OR OLD.`created_at` IS NOT NEW.`created_at` BEGIN
  UPDATE `selection_days` SET `accounts` = `accounts` - 1
  WHERE `team_id` = OLD.`team_id` AND `day` = OLD.`created_at` / 86400000 AND `source` = OLD.`source` AND `owner_id` = coalesce(OLD.`owner_id`, '')
    AND `phase_idx` IN (SELECT `phase_idx` FROM `phase_reaches` WHERE `account_id` = OLD.`id`);
  INSERT INTO `selection_days` (`team_id`, `day`, `source`, `phase_idx`, `owner_id`, `accounts`)
  SELECT NEW.`team_id`, NEW.`created_at` / 86400000, NEW.`source`, r.`phase_idx`, coalesce(NEW.`owner_id`, ''), 1
  FROM (SELECT DISTINCT `phase_idx` FROM `phase_reaches` WHERE `account_id` = NEW.`id`) r WHERE NEW.`source` IS NOT NULL
  ON CONFLICT (`team_id`, `day`, `source`, `phase_idx`, `owner_id`) DO UPDATE SET `accounts` = `accounts` + 1;
END;
