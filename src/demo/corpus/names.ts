/** Reviewer first names by language; a last initial is added at random. */
export const FIRST_NAMES: Record<string, string[]> = {
  en: ['Emma', 'Liam', 'Olivia', 'Noah', 'Ava', 'James', 'Sophia', 'Lucas', 'Mia', 'Ethan', 'Grace', 'Owen', 'Chloe', 'Daniel', 'Ruby', 'Jack', 'Priya', 'Wei', 'Fatima', 'Marcus', 'Hannah', 'Tom', 'Aisha', 'Ben', 'Nora', 'Sam', 'Leah', 'Carlos', 'Yuki', 'Ivy'],
  fr: ['Camille', 'Louis', 'Chloé', 'Hugo', 'Léa', 'Jules'],
  es: ['Lucía', 'Mateo', 'Sofía', 'Diego', 'Valentina'],
  de: ['Lena', 'Jonas', 'Anna', 'Felix', 'Marie', 'Paul'],
  nl: ['Sanne', 'Daan', 'Fleur', 'Bram'],
};

/** Handles some sites print instead of a name. */
export const HANDLES = ['coffee_addict', 'mkbhd_fan', 'dailycommuter', 'jo.writes', 'northside_neighbor', 'pixel_pete', 'wanderingmaya', 'the_real_sam', 'bikeguy77', 'momof3', 'latenightdev', 'greenleaf', 'urban_ollie', 'kt_bakes'];
