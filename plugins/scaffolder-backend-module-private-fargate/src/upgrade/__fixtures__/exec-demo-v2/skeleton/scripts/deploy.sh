#!/bin/sh
echo "deploy ${{ values.name }}"
