from clusterkg.cli import main

main()
