import { describe, expect, it } from 'vitest';
import { analyzer, explained, sentiment } from './helpers.js';

const theme = (text: string, id: string) => analyzer().analyze({ text }).themes.find((t) => t.theme === id);

describe('what reviewers say without an AFINN word', () => {
  it('loudness depends on what is loud: a loud room is a complaint, a loud speaker praise', () => {
    expect(sentiment('The music was so loud we could not talk').label).toBe('negative');
    expect(sentiment('The speaker is loud and clear').label).toBe('positive');
  });

  it('time it took is time lost ("took them 25 minutes"), unless it was short ("took only 10 minutes", "less than an hour")', () => {
    expect(sentiment('It took them 25 minutes to bring our appetizer.').label).toBe('negative');
    expect(sentiment('It took half an hour to get our check').label).toBe('negative');
    expect(sentiment("We didn't see our waiter for at least 40 minutes!").label).toBe('negative');
    expect(sentiment('It took only 10 minutes').label).toBe('neutral');
    expect(sentiment('Delivered in less than an hour').label).toBe('neutral');
  });

  it('idioms, recommendations and warnings ("out of this world", "try the", "check it out", "skip this one", "not cheap")', () => {
    for (const t of ['The mojito was out of this world.', 'Try the cheesecake!', 'Definitely check it out!!!', 'This place is not to be missed.']) {
      expect(sentiment(t).label, t).toBe('positive');
    }
    for (const t of ['Save yourself the time and skip this one!', 'Sauce was watery.', 'This place was not all that.']) {
      expect(sentiment(t).label, t).toBe('negative');
    }
    expect(theme('It is true, the prices are not cheap.', 'price')?.label).toBe('negative');
    expect(theme('At that price the lunch special is an absolute steal.', 'price')?.label).toBe('positive');
  });

  it('a deed left undone with "not even" is a complaint ("she didn\'t even offer us dessert"); a bother spared is not', () => {
    expect(theme('Our waitress didn\'t even offer us the dessert menu.', 'service')?.label).toBe('negative');
    for (const t of ['They never even asked.', "They wouldn't even take our order."]) {
      expect(sentiment(t).label, t).toBe('negative');
    }
    for (const t of ["We didn't even have to wait.", "We didn't even need a reservation.", "It wasn't even that expensive."]) {
      expect(sentiment(t).label, t).not.toBe('negative');
    }
    expect(explained('It is not even good.', 'good')?.rules).toContain('negated');
  });

  it('set apart from the rest is praise ("unique appetizers", "they outshine the place next door"); denied it is not', () => {
    for (const t of ['Unique appetizers.', 'They outshine every other pizza place.']) {
      expect(sentiment(t).label, t).toBe('positive');
    }
    for (const t of ['Nothing unique about the menu.', 'The menu is not unique.']) {
      expect(sentiment(t).label, t).toBe('negative');
    }
  });

  it('a borrowed cheer or sign-off is praise ("Bravissimo!", "Buon appetito!", "Delish."); an appetite or a deli is not', () => {
    for (const t of ['Bravissimo !!', 'Buon appetito!', 'Bon appetit!', 'Bon appetite!', 'Delish.']) {
      expect(sentiment(t).label, t).toBe('positive');
    }
    for (const t of ['We came with an appetite.', 'The deli on the corner sells bagels.']) {
      expect(sentiment(t).label, t).toBe('neutral');
    }
  });

  it('being shooed away is a complaint about the staff; a shoo-in is not', () => {
    expect(theme('We were then shooed inside by the hostess.', 'service')?.label).toBe('negative');
    expect(sentiment('He was a shoo-in for the job.').label).toBe('neutral');
  });

  it('coming back however it is said is praise ("I\'d go back", "going back again and again"), doubted or denied it is not', () => {
    for (const t of ["But I'd go back.", 'I have been going back again and again.', "I'll be back soon.", 'We would return to this place.']) {
      expect(sentiment(t).label, t).toBe('positive');
    }
    for (const t of ["I doubt I'd go back.", "I doubt I'll be back.", 'We would not return to this place.']) {
      expect(sentiment(t).label, t).toBe('negative');
    }
  });

  it('a dish recommended is praise ("order the lamb", "stick with the chicken"), refused it is not', () => {
    for (const t of ['Order the lamb.', 'Stick with the chicken dishes.', 'Make sure you try the dumplings.', 'Make sure you have the scallop roll.', 'The wine went very well with the lamb.']) {
      expect(sentiment(t).label, t).toBe('positive');
    }
    expect(sentiment("Don't order the lamb.").label).toBe('negative');
  });

  it('an ingredient is not a verdict ("lemon grass chicken"), a dud product is; above and below average are', () => {
    expect(sentiment('I had the lemon grass chicken.').label).toBe('neutral');
    expect(sentiment('Bought a lemon.').label).toBe('negative');
    expect(sentiment('Found the service above average.').label).toBe('positive');
    expect(sentiment('The wine list is below average.').label).toBe('negative');
  });

  it('someone else\'s recommendation is how the visit came about ("a friend recommended it"); the reviewer\'s own is praise', () => {
    expect(sentiment('I went to Amma after a friend recommended it.').label).toBe('neutral');
    expect(sentiment('It came recommended, so we went.').label).toBe('neutral');
    expect(sentiment('Highly recommended.').label).toBe('positive');
    expect(sentiment('I recommended it to all my friends.').label).toBe('positive');
  });

  it('other people\'s reviews are how the visit came about ("after reading the good reviews"), the reviewer\'s own words count', () => {
    expect(sentiment('After reading the good reviews of this restaurant, I decided to give it a try.').label).toBe('neutral');
    expect(sentiment('I heard great things about it, so we went.').label).toBe('neutral');
    expect(sentiment('After reading the good reviews we went, and the food was great.').label).toBe('positive');
  });

  it('the hour and the place of a visit are facts ("a late dinner", "a block away"), a late order and open late are not', () => {
    expect(sentiment('Had a late night dinner on a Saturday night.').label).toBe('neutral');
    expect(sentiment('I live a block away and go there often.').label).toBe('neutral');
    expect(sentiment('Our order was late.').label).toBe('negative');
    expect(sentiment('Open late!').label).toBe('positive');
  });

  it('everyday verdicts without an AFINN word ("gone downhill", "don\'t bother", "always a treat", "kicks ass")', () => {
    for (const t of ['This place has gone downhill.', "Don't bother.", 'The soup lacked flavor.', 'Stay far away from this place.', 'Run of the mill.']) {
      expect(sentiment(t).label, t).toBe('negative');
    }
    for (const t of ['Always a treat.', 'This place kicks ass.', 'I am hooked on this place.', 'My go-to place for sushi.']) {
      expect(sentiment(t).label, t).toBe('positive');
    }
    expect(sentiment("It hasn't gone downhill at all.").label).not.toBe('negative');
  });

  it('better had elsewhere and something missing are complaints ("I\'ve had better", "not enough seasoning"), denied they are praise', () => {
    for (const t of ["I've had better pizza.", 'Not enough seasoning.', 'They ran out of rice.', 'The dessert fell flat.']) {
      expect(sentiment(t).label, t).toBe('negative');
    }
    for (const t of ['Never had better.', 'Nothing to complain about.', 'They made us feel at home.']) {
      expect(sentiment(t).label, t).toBe('positive');
    }
  });

  it('sending others and keeping to a place said plainly ("go here", "a must visit", "a home away from home"), refused it is not', () => {
    for (const t of ['Go here.', 'A must visit.', 'I make it a point to eat there.', 'It is a home away from home.', 'I am totally smitten.']) {
      expect(sentiment(t).label, t).toBe('positive');
    }
    expect(sentiment("Don't go here.").label).toBe('negative');
  });

  it('standards missed and care denied without a sentiment word ("not up to par", "do not care about you")', () => {
    for (const t of ['It just was not up to par.', 'For the price I expected so much more.', 'They do not care about you.', 'We could do without the cigar smoke.']) {
      expect(sentiment(t).label, t).toBe('negative');
    }
    expect(sentiment('The staff really care about their guests.').label).toBe('positive');
  });

  it('a dish\'s defects and a menu\'s range ("incredibly salty", "an extensive wine list"), and their denial', () => {
    expect(theme('The sides were incredibly salty.', 'food')?.label).toBe('negative');
    expect(theme('The soup was not salty at all.', 'food')?.label).not.toBe('negative');
    expect(sentiment('They have an extensive wine list.').label).toBe('positive');
    expect(sentiment('The wine list is not extensive.').label).toBe('negative');
  });

  it('who came along and what was celebrated are the story of the visit, not an opinion ("my friends and I", "to celebrate")', () => {
    for (const t of ['My friends and I went there on a Friday.', 'We went to celebrate a birthday.', 'Our friends have not arrived yet.']) {
      expect(sentiment(t).label, t).toBe('neutral');
    }
    expect(sentiment('We celebrated with friends and the food was awful.').label).toBe('negative');
  });

  it('how a place feels and food looks ("romantic", "relaxing", "crowded and rushed", "appetizing"); "incredible" praises, "incredibly" only boosts', () => {
    expect(theme('The setting is casual and romantic.', 'ambience')?.label).toBe('positive');
    expect(theme('It was crowded and we felt rushed by the waiter.', 'service')?.label).toBe('negative');
    expect(sentiment('The dishes did not look appetizing.').label).toBe('negative');
    expect(sentiment('The food was incredible.').label).toBe('positive');
    expect(sentiment('The waiter was incredibly rude.').label).toBe('negative');
  });

  it('praise AFINN lacks ("exceptional", "divine", "refreshing"), "can\'t be beat", and "outrageously" as a booster', () => {
    for (const t of ['Service is exceptional.', 'The tiramisu was divine.', 'A refreshing lemonade.', "The price can't be beat!", "You can't beat the prices."]) {
      expect(sentiment(t).label, t).toBe('positive');
    }
    expect(sentiment('The food is outrageously good.').label).toBe('positive');
    expect(sentiment('Outrageously expensive.').label).toBe('negative');
  });

  it('not coming back, however said ("wouldn\'t go back", "won\'t be back", "will never return"), and consistency praised', () => {
    for (const t of ["I definitely wouldn't go back.", "We won't be back.", 'I will never return.', 'It is not consistent.', 'What a hassle to get a table.']) {
      expect(sentiment(t).label, t).toBe('negative');
    }
    expect(sentiment('The food is consistent.').label).toBe('positive');
  });

  it('words written apart ("over priced", "under-cooked") and a bare "lacking" are complaints', () => {
    for (const t of ['Drinks way over priced.', 'The lamb was under-cooked.', 'The atmosphere is lacking.']) {
      expect(sentiment(t).label, t).toBe('negative');
    }
  });

  it('what a reviewer has not done yet is a fact ("never eaten there", "never noticed it"); "never been disappointed" still praises', () => {
    for (const t of ['I have never eaten in the restaurant.', 'We have never noticed this restaurant.', 'I will stop by next week.', 'She had never gone there.', 'Strike up a conversation with your neighbour.']) {
      expect(sentiment(t).label, t).toBe('neutral');
    }
    expect(sentiment('I have never been disappointed here.').label).toBe('positive');
  });

  it('coming back and trying a place said as a plan ("I will be going back", "come here", "try them out"); denied it is a complaint', () => {
    for (const t of ['I will be going back very soon.', 'By all means, come here.', 'Go and try this place.', 'Been going back for years.']) {
      expect(sentiment(t).label, t).toBe('positive');
    }
    for (const t of ['Wont come back again for sure!', "The waitress didn't come back after taking our order."]) {
      expect(sentiment(t).label, t).toBe('negative');
    }
  });

  it('a price that does not hurt ("won\'t break the bank", "no extra charge") is praise, one that does is blame; noise and hype are complaints', () => {
    expect(theme("Dinner won't break the bank.", 'price')?.label).toBe('positive');
    expect(theme('Lunch came with pickles and slaw, no extra charge.', 'price')?.label).toBe('positive');
    expect(sentiment('Dinner here will break the bank.').label).toBe('negative');
    expect(theme('There is no traffic noise in the dining room.', 'ambience')?.label).toBe('positive');
    expect(theme('The noise in the dining room was too much.', 'ambience')?.label).toBe('negative');
    expect(sentiment("I just don't understand all the hype.").label).toBe('negative');
  });

  it('quality named as what is measured is no praise ("the quality of food was crappy"), "quality food" is; limits and lacks are blame', () => {
    expect(theme('The quality of food was crappy.', 'food')?.label).toBe('negative');
    expect(theme('A little too expensive for the quality of food.', 'food')?.label).toBe('negative');
    expect(theme('They serve quality food.', 'food')?.label).toBe('positive');
    for (const t of ['Most dishes were average at best.', 'The decor leaves something to be desired.', 'The food has slipped.']) {
      expect(sentiment(t).label, t).toBe('negative');
    }
    expect(sentiment('The best dishes were the dumplings.').label).toBe('positive');
  });

  it('grammar AFINN scores is no verdict in a review ("a certain table", "no matter what", "I agree"); "zero" counts a lack', () => {
    for (const t of ['I agree with the previous reviewer.', 'We asked for a certain table.', 'We go there no matter what the weather.']) {
      expect(sentiment(t).label, t).toBe('neutral');
    }
    expect(theme('Zero ambiance to boot.', 'ambience')?.label).toBe('negative');
    expect(sentiment('The dressing had zero taste and zero excuses from the staff.').label).toBe('negative');
  });

  it('praise said as what the kitchen and staff do ("they know what they\'re doing", "the food speaks for itself"); denied it is blame', () => {
    for (const t of ["This place is a well-oiled machine, they know what they're doing.", 'The food speaks for itself.', 'The owner caters to all your needs.']) {
      expect(sentiment(t).label, t).toBe('positive');
    }
    expect(theme('The room is ok but the food is what makes up for it.', 'food')?.label).toBe('positive');
    expect(sentiment("It is run by students who don't know what they are doing.").label).toBe('negative');
    expect(sentiment("The dessert couldn't make up for it.").label).toBe('negative');
    expect(sentiment('Good luck getting a table.').label).toBe('negative');
    expect(sentiment('We were turned away at the door.').label).toBe('negative');
    expect(sentiment('It took us a long time to find the place.').label).toBe('negative');
  });

  it('service that had to be chased or hurried the guest out ("had to ask three times", "walked away", "rush us out") is a complaint', () => {
    for (const t of ['I had to ask the waiter three times for water.', 'The waiter poured the wine and walked away.', 'They did everything to rush us out.', 'We were treated with attitude.']) {
      expect(theme(t, 'service')?.label, t).toBe('negative');
    }
    expect(theme('The waiter was lovely and never had to be asked twice.', 'service')?.label).toBe('positive');
  });

  it('a passable grade ("the food was okay", "so-so") is neither praise nor blame; "just okay" stays faint blame', () => {
    expect(theme('Food and service was okay.', 'food')?.label).toBe('neutral');
    expect(theme('The dim sum here is only so-so.', 'food')?.label).toBe('neutral');
    expect(theme('The food was just okay.', 'food')?.label).toBe('negative');
    // A passable grade is the theme's own opinion: it does not borrow the praise of another.
    expect(theme('The food is great, service is ok.', 'service')?.label).toBe('neutral');
    expect(theme('The food is great, service is ok.', 'food')?.label).toBe('positive');
  });

  it('the warning not to waste money or time is a complaint ("don\'t waste your money"), not the denial of one', () => {
    for (const t of ["Don't waste your money.", 'Do not waste your time here!', "I wouldn't waste my time."]) {
      expect(sentiment(t).label, t).toBe('negative');
    }
    expect(sentiment('What a waste of time.').label).toBe('negative');
  });

  it('double denials praise ("never failed to enjoy it", "you cannot miss this great place"), unless ironic; a negated warning warns', () => {
    for (const t of ['We never failed to enjoy the experience.', 'You cannot miss this great restaurant.', 'I thought I had died and gone to heaven.']) {
      expect(sentiment(t).label, t).toBe('positive');
    }
    for (const t of ['This place never fails to disappoint.', "Don't be fooled by the crowds."]) {
      expect(sentiment(t).label, t).toBe('negative');
    }
  });

  it('the place to go is praise, the place not to a warning ("if you like X, this is not the place for you")', () => {
    expect(sentiment('For sushi, this is the place to go.').label).toBe('positive');
    expect(sentiment('If you like big portions, this is not the place for you.').label).toBe('negative');
  });

  it('no verdict in a friend\'s rank, an effort, a caution or a guess at the past ("my best friend", "it must have been sitting there")', () => {
    for (const t of ["I don't live in NY but my best friend does.", 'I try my best to describe every place.', 'Be careful of the portions.']) {
      expect(sentiment(t).label, t).toBe('neutral');
    }
    expect(sentiment('The food was lukewarm, it must have been sitting there.').label).toBe('negative');
    expect(sentiment('This blender is a must have.').label).toBe('positive');
  });

  it('charging told of the place is held against it ("they charge $6 for rice")', () => {
    expect(theme('They charge $6.00 for rice.', 'price')?.label).toBe('negative');
    expect(theme('Lunch is $8 and comes with rice.', 'price')?.label).toBe('neutral');
  });

  it('plenty and range are praise ("plenty of choices", "a large selection", "lots of options"); denied, the lack is blame', () => {
    for (const t of ['Plenty of choices on the menu.', 'A large selection of sandwiches.', 'The menu has lots of options.']) {
      expect(theme(t, 'food')?.label, t).toBe('positive');
    }
    expect(theme("There weren't a lot of choices on the menu.", 'food')?.label).toBe('negative');
    expect(theme('There is no variety on the menu.', 'food')?.label).toBe('negative');
  });

  it('food served past its best ("microwaved", "canned vegetables", "an off flavor") is a complaint', () => {
    for (const t of ['The lasagna was microwaved.', 'They use canned vegetables.', 'The salmon appetizer was off flavor.']) {
      expect(theme(t, 'food')?.label, t).toBe('negative');
    }
    expect(theme('The salmon appetizer was full of flavor.', 'food')?.label).not.toBe('negative');
  });

  it('a drawback, a concern or advice to skip is a complaint, "spectacular" praise ("nothing spectacular" faint blame)', () => {
    for (const t of ['Only drawback: they will not toast your bagel.', 'My only concern is the noise.', 'Skip dessert.']) {
      expect(sentiment(t).label, t).toBe('negative');
    }
    expect(sentiment('The view is spectacular.').label).toBe('positive');
    expect(theme("Sushi wasn't anything spectacular for the price.", 'price')?.label).toBe('negative');
  });

  it('missing a place, saving room and growing up are no complaint in a review; "don\'t miss" still recommends', () => {
    for (const t of ['I will save room for dessert next time.', 'I grew up on these bagels, growing up in Queens.']) {
      expect(sentiment(t).label, t).toBe('neutral');
    }
    expect(sentiment('We would genuinely miss this restaurant.').label).not.toBe('negative');
    expect(sentiment("Don't miss the dumplings.").label).toBe('positive');
  });

  it('better had elsewhere is the complaint ("there are much better places", "you can find better food uptown")', () => {
    expect(sentiment('There are much better places in NY.').label).toBe('negative');
    expect(sentiment("You'll find better food at the diner next door.").label).toBe('negative');
    expect(sentiment('The food here is better than ever.').label).toBe('positive');
  });

  it('advice to book is logistics, not a verdict ("I\'d recommend reservations", "reservations are a must"); recommending the place is praise', () => {
    for (const t of ['I would recommend reservations on weekends.', 'On weekends reservations are a must.']) {
      expect(sentiment(t).label, t).toBe('neutral');
    }
    expect(sentiment('I would recommend this place to anyone.').label).toBe('positive');
  });

  it('hospitality shown rather than named ("a complimentary appetizer", "the manager remembered me", "hearty bagels") is praise', () => {
    for (const t of ['They brought a complimentary appetizer.', 'The manager remembered me on my third visit.', 'Hearty bagels.', 'The pasta was sublime.']) {
      expect(sentiment(t).label, t).toBe('positive');
    }
    expect(sentiment('They never brought the complimentary bread.').label).toBe('negative');
  });

  it('fondness said as madness is praise ("crazy about the dumplings"), denied it is the complaint; a crazy wait stays one', () => {
    expect(theme("I'm crazy about their dumplings.", 'food')?.label).toBe('positive');
    expect(theme('Not too crazy about their sake martini.', 'food')?.label).toBe('negative');
    expect(sentiment('The wait was crazy.').label).toBe('negative');
  });

  it('"on average" counts, it does not grade ("three times on average"); the food called average is still faint blame', () => {
    expect(sentiment('We go back for seconds three times on average.').label).toBe('neutral');
    expect(sentiment('The food was average.').label).toBe('negative');
  });

  it('a dish recommended in the imperative is praise ("Try green curry", "Have the iced tea"), advised against blame ("Don\'t get the burger"); told as the visit, or after a handle, neither', () => {
    for (const t of ['Try green curry with vegetables.', 'Have the iced tea.', 'The menu is long. Get the tuna.']) {
      expect(theme(t, 'food')?.label, t).toBe('positive');
    }
    for (const t of ["Don't get the burger.", 'Do not get the hamburgers, no matter what the reviews say.']) {
      expect(theme(t, 'food')?.label, t).toBe('negative');
    }
    for (const t of ['I had the iced tea.', 'We get the tuna every time.', 'Have been there twice.', 'Try to get there early.']) {
      expect(sentiment(t).label, t).toBe('neutral');
    }
    // "Check out" what is pointed at, with an adverb before it or not; not checking out of a hotel.
    for (const t of ['Check out the secret back room.', 'Definitely check out their brunch.']) expect(sentiment(t).label, t).toBe('positive');
    expect(sentiment('I had to check out of the hotel early.').label).toBe('neutral');
    expect(analyzer().analyze({ text: '@AmericanAir have the crew call me.', profile: 'social' }).sentiment.label).toBe('neutral');
  });

  it('a doubt before the visit sets the story up, it is no verdict ("at first I was skeptical"); a doubt about coming back is one', () => {
    expect(sentiment('At first I was slightly skeptical because it was a sushi restaurant in the middle of the city.').label).toBe('neutral');
    expect(sentiment('We were worried we would have trouble getting in, but had a short wait.').label).not.toBe('negative');
    expect(sentiment("I doubt I'll be back.").label).toBe('negative');
  });

  it('a return promised around other words is praise ("we will definitely be returning"); a product, a call or a retry coming back is not', () => {
    for (const t of ['We will definitely be returning.', 'You will find yourself returning quite often.', "I'd happily go there again."]) {
      expect(sentiment(t).label, t).toBe('positive');
    }
    for (const t of ["I'd like to return it.", 'I would send it back.', 'They will call us back tomorrow.', 'The site is down. Will try again.']) {
      expect(sentiment(t).label, t).not.toBe('positive');
    }
    expect(sentiment('I will not be returning.').label).toBe('negative');
  });

  it('a chance to do something is an occasion, not luck; "lucky if" gives slim odds, while "lucky to" is still praise', () => {
    expect(sentiment('Since my first dinner I have had the chance to have brunch there three times.').label).toBe('neutral');
    expect(sentiment("You're lucky if they don't hang up on you!").label).toBe('negative');
    expect(sentiment('We were lucky to get a table quickly.').label).toBe('positive');
  });

  it('nothing to hold against a place, said as a difficulty, is praise ("hard to beat", "impossible to criticize"); "hard to find" is not', () => {
    expect(sentiment('The prices are hard to beat.').label).toBe('positive');
    expect(sentiment('It was impossible to criticize the food.').label).toBe('positive');
    expect(sentiment("Try it side by side and there's no comparison.").label).toBe('positive');
    expect(sentiment('The place was hard to find.').label).not.toBe('positive');
  });

  it('a dish named with a sentiment word is a name, not a verdict ("Pad See Ew", "hot pot"); the words around it still judge it', () => {
    expect(sentiment('I recommend their Pad See Ew, Pork Chops or Tofu plates.').label).toBe('positive');
    expect(sentiment('We ordered the hot pot.').label).toBe('neutral');
    expect(sentiment('The hot dogs were stale.').label).toBe('negative');
    expect(sentiment('Ew, the soup was cold.').label).toBe('negative');
  });

  it('a promise told in a review is the setup of its breaking, not praise; the reviewer\'s own promise still praises', () => {
    expect(sentiment('The host promised to save a table for our party, then gave it to a party of two.').label).not.toBe('positive');
    expect(sentiment("I promise they won't disappoint.").label).toBe('positive');
  });

  it('a visit planned is praise ("I plan on stopping by next week"), denied the warning; a plan told of the past is the story', () => {
    expect(sentiment('I plan on stopping by next week as well.').label).toBe('positive');
    expect(sentiment("Don't plan on eating here.").label).toBe('negative');
    expect(sentiment('We were planning to get dessert.').label).toBe('neutral');
  });

  it('service given only when asked for is the complaint ("not until we asked for it"); waiting until we arrived is not', () => {
    expect(sentiment("They didn't give us the dinner special until we asked for it.").label).toBe('negative');
    expect(sentiment('We had to flag down a waiter for water.').label).toBe('negative');
    expect(sentiment('They held the table until we arrived.').label).toBe('neutral');
  });

  it('an expectation missed, said plainly, is the letdown ("not what I had hoped for"); "just what I wanted" is not', () => {
    expect(sentiment('The food was not what I had hoped for.').label).toBe('negative');
    expect(sentiment('Service is not what one would expect from a joint in this price category.').label).toBe('negative');
    expect(sentiment('It was just what I wanted.').label).not.toBe('negative');
  });

  it('"must have" before a participle guesses at the past ("must have cost a fortune"); "a must have" still recommends', () => {
    expect(explained('This place must have cost a lot to build.', 'must have')).toBeUndefined();
    expect(sentiment('The tiramisu is a must have.').label).toBe('positive');
  });

  it('being talked into a visit and a quick bite tell the story ("convinced me to go in for a quick bite"); quick service still praises', () => {
    expect(sentiment('My girlfriend convinced me to go in the other night for a quick bite.').label).toBe('neutral');
    expect(sentiment('The service was quick.').label).toBe('positive');
    expect(sentiment('A convincing, sincere performance.').label).toBe('positive');
  });

  it('pride taken in the work is praise with or without a degree word ("takes real pride in his food"); pride alone is no verdict', () => {
    expect(theme('He takes real pride in his food and his business.', 'food')?.label).toBe('positive');
    expect(sentiment('They take great pride in their sushi.').label).toBe('positive');
    expect(sentiment('The Pride parade passed by the restaurant.').label).toBe('neutral');
  });

  it('sharing is how a table eats, not an opinion ("we shared a bottle of sake"); what is said of the dish shared still counts', () => {
    expect(sentiment('We shared a bottle of sake and an order of edamame.').label).toBe('neutral');
    expect(sentiment('Great appetizer to share!').label).toBe('positive');
  });

  it('dropping in again is coming back ("I\'ll be sure to stop by again"); a first stop is no verdict, denied it is the last visit', () => {
    expect(sentiment("This is a place I'll be sure to stop by again when I'm in town.").label).toBe('positive');
    expect(sentiment('We stopped by for lunch.').label).toBe('neutral');
    expect(sentiment("I won't stop by again.").label).toBe('negative');
  });

  it('idioms of a bad visit blame: "over rated", "grossed out", "first and last time", "you couldn\'t pay me to", "an off night"', () => {
    for (const t of ['Over rated.', 'I was completely grossed out.', 'This was the first and last time I ate here.', "You couldn't pay me to eat here again.", 'Must have been an off night.']) {
      expect(sentiment(t).label, t).toBe('negative');
    }
    expect(sentiment('This place is under rated.').label).toBe('positive');
  });

  it('quality judged by another word is what is measured ("Poor sound quality"), alone it praises ("a quality product")', () => {
    for (const t of ['Poor sound quality.', 'The audio quality is poor.', 'Quality is poor.']) {
      expect(sentiment(t).label, t).toBe('negative');
      expect(explained(t, 'quality')?.rules, t).toContain('measured');
    }
    expect(sentiment('Quality product.').label).toBe('positive');
    expect(explained('Quality product.', 'quality')?.weight).toBeGreaterThan(0);
  });

  it('a word of size right before blame measures it ("a great disappointment", "a huge waste of time")', () => {
    for (const t of ['All in all, a great disappointment.', 'What a great mess.', 'It was a huge waste of time.']) {
      expect(sentiment(t).label, t).toBe('negative');
      expect(explained(t, t.includes('great') ? 'great' : 'huge')?.rules, t).toContain('degree');
    }
    // Two opinions apart stay two.
    expect(explained('Great food, terrible service.', 'great')?.weight).toBeGreaterThan(0);
  });
});

describe('wearing thin by repetition: "getting old"', () => {
  it('"this is getting old", "shouting on the phone gets old" blame; "old" alone judges nothing', () => {
    for (const t of ['Flights cancelled again, this is getting old.', 'Shouting on the telephone gets old.', 'After a week the novelty got old.']) {
      expect(sentiment(t).label, t).toBe('negative');
    }
    expect(sentiment('An old building on the corner.').label).toBe('neutral');
  });
});
