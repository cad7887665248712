/**
 * Phrase pools for the generated App Store reviews of Pixelpost (the `us` storefront needs > 500 reviews so the
 * feed's 10-page cap is real). A review is title + opener + detail + closer, chosen by star rating.
 */
export interface PhrasePools {
  titles: Record<1 | 2 | 3 | 4 | 5, string[]>;
  openers: Record<Tone, string[]>;
  details: Record<Tone, string[]>;
  closers: Record<Tone, string[]>;
  nicknames: string[];
}
export type Tone = 'pos' | 'mid' | 'neg';

export const EN: PhrasePools = {
  titles: {
    5: ['Love it!', 'Best postcard app', 'Five stars', 'So easy', 'My family loves it', 'Brilliant', 'Perfect gifts', 'Amazing quality'],
    4: ['Really good', 'Great app, small issues', 'Almost perfect', 'Nice prints', 'Recommended', 'Very handy'],
    3: ['It\'s okay', 'Decent but buggy', 'Mixed feelings', 'Could be better', 'Good idea, average app'],
    2: ['Disappointed', 'Too many bugs', 'Slow delivery', 'Not worth the price', 'Frustrating'],
    1: ['Terrible', 'Keeps crashing', 'Never arrived', 'Scam subscription', 'Avoid', 'Waste of money'],
  },
  openers: {
    pos: ['Been using this for months and love it.', 'Such a sweet way to stay in touch.', 'I was sceptical but this is great.', 'Sent my first card last week.', 'Use it every time I travel.'],
    mid: ['Nice concept.', 'Works most of the time.', 'I have mixed feelings about this one.', 'Been using it for a while.'],
    neg: ['Really frustrated with this app.', 'I wanted to like it.', 'Used to be good.', 'Do not download this.', 'Sorry but no.'],
  },
  details: {
    pos: ['The print quality is sharp and the colours are spot on.', 'Cards arrive within a few days, even abroad.', 'The editor is simple and the templates are pretty.', 'Support replaced a lost card immediately.', 'My grandparents look forward to a card every month.', 'Importing addresses from contacts saves so much time.', 'The handwriting font looks like real handwriting.', 'Prices are fair for what you get.'],
    mid: ['Prints look good but the app is a bit slow.', 'Delivery times vary a lot.', 'The editor could use more fonts.', 'Credits are a bit expensive.', 'It crashes now and then but usually works on the second try.', 'I wish there were more card sizes.'],
    neg: ['The app crashes every time I add a photo.', 'My card never arrived and support never replied.', 'I was charged for the subscription after cancelling.', 'The colours printed much darker than on screen.', 'Login has been broken since the last update.', 'I lost all my credits after reinstalling.', 'Delivery took three weeks.', 'Way too many notifications and upsells.'],
  },
  closers: {
    pos: ['Highly recommend!', 'Keep it up.', 'Worth every penny.', 'Thank you Pixelpost!', ''],
    mid: ['Three stars for now.', 'Hope the next update fixes it.', 'Would be five stars with a few fixes.', ''],
    neg: ['Deleting.', 'Want my money back.', 'Please fix this.', 'Switching to SnapMail.', ''],
  },
  nicknames: ['sunnyday88', 'Mrs K', 'postcardlover', 'TravelTom', 'jen_b', 'Grandpa Joe', 'coffee&cards', 'mike.r', 'Anna L.', 'wanderlust_22', 'happycamper', 'DaveyG', 'Linz', 'kiwi_mum', 'photogeek', 'SamH', 'Rosie P', 'BenTheBuilder', 'night_owl', 'Chris W', 'Mel2020', 'jkl123', 'the_real_pat', 'NanaB'],
};

export const DE: PhrasePools = {
  titles: {
    5: ['Super App!', 'Tolle Postkarten', 'Sehr empfehlenswert', 'Einfach klasse', 'Perfekt'],
    4: ['Gute App', 'Fast perfekt', 'Schöne Karten', 'Praktisch'],
    3: ['Ganz okay', 'Geht so', 'Gute Idee, aber'],
    2: ['Enttäuscht', 'Zu langsam', 'Viele Fehler'],
    1: ['Finger weg', 'Stürzt ständig ab', 'Karte nie angekommen', 'Abzocke'],
  },
  openers: {
    pos: ['Ich nutze die App seit Monaten.', 'Eine schöne Art, in Kontakt zu bleiben.', 'Meine Familie freut sich über jede Karte.'],
    mid: ['Die Idee ist gut.', 'Funktioniert meistens.', 'Ich bin hin- und hergerissen.'],
    neg: ['Leider sehr enttäuschend.', 'Früher war die App besser.', 'Nicht zu empfehlen.'],
  },
  details: {
    pos: ['Die Druckqualität ist hervorragend.', 'Die Karten kommen in wenigen Tagen an.', 'Der Editor ist einfach zu bedienen.', 'Der Kundenservice hat sofort geholfen.'],
    mid: ['Die Karten sind schön, aber die App ist langsam.', 'Die Lieferzeit nach Deutschland schwankt stark.', 'Die Credits sind recht teuer.'],
    neg: ['Die App stürzt beim Hinzufügen von Fotos ab.', 'Meine Karte ist nie angekommen.', 'Das Abo wurde nach der Kündigung weiter abgebucht.', 'Der Login funktioniert seit dem Update nicht mehr.', 'Die Lieferung hat drei Wochen gedauert.'],
  },
  closers: {
    pos: ['Klare Empfehlung!', 'Weiter so.', ''],
    mid: ['Drei Sterne.', 'Bitte verbessern.', ''],
    neg: ['Gelöscht.', 'Geld zurück bitte.', ''],
  },
  nicknames: ['Sabine_K', 'Mausi77', 'Thomas M.', 'Reiselust', 'Oma Gerda', 'Jens84', 'Lena B.', 'kartenfan', 'Herr Müller', 'Anni'],
};
