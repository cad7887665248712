/**
 * Words that end like an inflection but, by the English lexicon of `natural`'s Brill part-of-speech tagger
 * (`brill_pos_tagger/data/English/lexicon_from_posjs.json`, MIT), are not one, while stripping the suffix would give
 * another dictionary word: "number" is a noun, not "numb" + "-er"; "lovely" is not "love" + "-ly". Derived from that
 * lexicon (words ending in -s, -ly, -er, -est, longer than the analyzer's minimum for each suffix, whose tags include
 * no plural/3rd-person (NNS, NNPS, VBZ), adverb (RB*) or comparative/superlative (JJR, JJS, RBR, RBS) tag) and kept
 * here rather than loading the 4 MB tagger lexicon (over a second to parse) at run time.
 */
export const NON_INFLECTIONS = new Set(
  `absorber abuser accuser acquirer adapter adjuster admirer advancer adventurer advertiser adviser after
  afterwards airliner alias amplifier analyzer angler announcer anyways appraiser arbitrager assembly attacker
  attest autographer avenger backer baker banker banner barber basher batter beaker bearer beastly beginner
  beholder believer besides betrayer bidder biker binder biter bitter blackmailer blazer bleacher blender blocker
  blower blunter boarder boiler bomber booker boondoggler booster bootlegger borer borrower bottler bower boxer
  breaker breather breeder brewer brightener broadcaster broiler broker brother brotherly bubbly buffer bugler
  builder bulldozer bunker bunter burner buster butter buyer buzzer caller camper canter caper career carrier
  carver caster catcher cater caterer center ceteras challenger chanter charmer charter chatter cheater checker
  chillier chipper chopper chronicler churchly cleanser cleaver climber clincher clover coaster comely comer
  comest commander commissioner commons commuter compiler composer compromiser computer conceits conceiver
  condenser conditioner consumer container contender contest controller converter cooker copier copper corner
  corrupter cotter counter counterbidder coupler courtly cover cowardly cower cracker crafter crasher crater
  creamer creeper crisper croaker crooner cruiser crumbly crusader crusher culpas customer cutter dabbler damper
  dancer danger dazzler dealer deathly defender defer dejeuners deluxer delver demander demurrer designer
  destroyer developer digest digger diner dinner dipper disassembly discounter discoverer disorderly dispenser
  dissenter distiller distributer disturber ditcher diver divest divider dominoes doper doubter downer dragger
  dramas draper drawer dreamer dresser drifter drinker driver dropper drover drummer dryer dweller earner earnest
  earthly econometrics elderly embezzler employer enforcer engineer engraver entertainer equalizer eraser evader
  examiner exchanger exciter executioner experimenter exploiter explorer exporter extinguisher faker farmer
  fastener fatherly favorer feeder feller fender fester fielder figger fighter filler filles financeer financer
  finder finisher flanker flapper flasher flatter flicker flier floater flower flyer folder follower footballer
  forecaster foreigner forest forger former forwards founder framer franchiser freezer freighter friendly furrier
  gainer gambler gardener gasser gazer gentlemanly ghazals ghostly girder giver glider glover golfer grader
  grandmotherly grandstander grazer greenmailer greeter grinder grounder grouper grower guilder gunner gusher
  gutter guzzler gweilos hacker halfways halter hammer hander handshaker hardener hardliner hawker header healer
  hearer hearest heater heather heavenly heaves helper hereabouts hers hiker hinder hitter hoarder holder homely
  homer homewards honest hooker hopper hourly householder hover hunger hunker hunter hurler hustler hyper
  identifier idler implementer importer impresser improviser indexer indoors infielder informer inner insider
  installer institutes insurer intensifier interest interpreter interviewer intruder invader islander issuer
  jester jeweler jigger jogger joiner jumper keeper kicker kidnapper killer knightly laborer ladder larder lather
  laugher launcher launderer layer leader leaguer leaker lecturer ledger lender lens letter lieder lifer limber
  linebacker liner listener liter litter liver loader locker logger lonely loner lordly loser lotter lovely lover
  lunger luster mainlander mais maitres maker manager manner manufacturer mariner marker marketer masterly mater
  matronly matter mauler merger meter mews miner minter mister miter mixer modest modifier molest mother motherly
  mots mover mower mucker murderer muster neighborly nester newscaster northerner number nurturer observer ocher
  offender offer officer oiler onwards opener organizer other ours ouster outdoors outer outfielder outsider
  overseer owner pacer pacifier pager painter panhandler paper partaker pater patter payer pearly peddler
  pediatrics pensioner pepper percenter performer pester peter petitioner petits photographer picker piker piper
  pitcher planer planner planter plasterer player pleader plumber pointer poisoner poker polluter ponder porter
  portly poster potter prayer preacher preparer preschooler prescriber presenter presser priest priestly princely
  printer prisoner procurer producer proffer programmer promoter propeller proper protester provider publisher
  puncher purchaser purifier pursuer putter puzzler quarter queer quest questioner raider railbiker railroader
  raiser rancher ranger rattler reader reaper rebuilder receiver recorder recruiter rectifier recycler redheader
  reducer refiner reformer refresher relaxer reliever reminder render renter repeater reporter researcher restorer
  retailer retainer retriever reviewer revolver rider rigger ringer robber rocker rodder roller roofer rooster
  rubber ruler runner rustler sacker saintly sampler sander saucer saver scanner scholarly scoffer scorer searcher
  seducer seeker seller server settler sewer shaker shapely sharecropper sharpener shaver sheer shimmer shipper
  shocker shooter shopper shoulder shower shredder shutter sickly signer singer sinner sitter skewer skier skipper
  slammer slanderer slasher sleeper sleepwalker slicker slipper slitter slugger smasher smelter smoker smuggler
  snapper sneaker sniper snuffer sober softener soggier sojourner solder sometimes somewheres spacer spanner
  spatter speaker spender spoiler spreader sprinkler squatter stabilizer stacker staffer stager stagger starter
  stately stealer steamer sterilizer sticker stoker stopper streamer streamliner stretcher stripper subscriber
  sucker sufferer summer summons super supper supplier supporter suspender sweater sweetener swimmer swinger
  synthesizer taker talker tamper tanker taper teacher teaser teenager telegrapher teller tender terrier tester
  thees theirs thinker thriller thrower thruways ticker tightener tiller timer tinier tipper toaster toner topper
  torquer totter towardes towards tower trader trailer trainer transformer transmitter transporter trapper
  traveler traveller trawler treasurer trooper trotter trucker trumpeter tumbler twister unawares under undertaker
  underwriter unearthly unifier unsolder vacationer velours verifier viewer villager voter voyager wager waiter
  waiver walker wander wanderer washer watcher waver whacker whiner wholesaler whooper wicker widower wielder
  wifely wildcatter winder winger winner wisher wither wobbly womanly woolly worker worldly worshipper wrapper
  wrecker wrestler writer yeller yours zipper`.split(/\s+/),
);
