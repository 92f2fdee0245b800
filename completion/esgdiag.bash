# bash completion for esgdiag
_esgdiag() {
	local cur prev words cword
	_init_completion 2>/dev/null || {
		cur=${COMP_WORDS[COMP_CWORD]}
		prev=${COMP_WORDS[COMP_CWORD-1]}
	}
	local cmds="ask explain obligations score sheets template validate"
	local globals="-q --questionnaire -o --output -f --format --no-color --verbose -h --help --version"
	case $prev in
	-q|--questionnaire) COMPREPLY=($(compgen -f -X '!*.y*ml' -- "$cur")); return ;;
	-o|--output) COMPREPLY=($(compgen -f -- "$cur")); return ;;
	-f|--format)
		COMPREPLY=($(compgen -W "text json csv markdown html junit yaml" -- "$cur"))
		return ;;
	--sheets) COMPREPLY=($(compgen -W "1 2 3 5 all" -- "$cur")); return ;;
	--peers) COMPREPLY=($(compgen -f -X '!*.json' -- "$cur")); return ;;
	esac
	local cmd="" w
	for w in "${COMP_WORDS[@]:1:COMP_CWORD-1}"; do
		case " $cmds " in *" $w "*) cmd=$w; break ;; esac
	done
	if [ -z "$cmd" ]; then
		COMPREPLY=($(compgen -W "$cmds $globals" -- "$cur"))
		return
	fi
	case $cmd in
	score) COMPREPLY=($(compgen -W "--sheets --id-column --aggregate --by --min-group --no-respondents --peers $globals" -- "$cur")) ;;
	ask) COMPREPLY=($(compgen -W "--resume --force --id $globals" -- "$cur")) ;;
	explain) COMPREPLY=($(compgen -W "--id $globals" -- "$cur")) ;;
	sheets) COMPREPLY=($(compgen -W "$(esgdiag sheets 2>/dev/null | cut -d' ' -f1) $globals" -- "$cur")); return ;;
	obligations)
		COMPREPLY=($(compgen -W "$(esgdiag template 2>/dev/null | head -1 | tr ',' '\n' | sed -n '2,5s/^/--/p') $globals" -- "$cur")) ;;
	*) COMPREPLY=($(compgen -W "$globals" -- "$cur")) ;;
	esac
	[[ $cur == -* ]] || COMPREPLY+=($(compgen -f -- "$cur"))
}
complete -F _esgdiag esgdiag
